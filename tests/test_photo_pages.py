"""Photos on public pages and feeds: responsive renditions, captions, downloads, consent in time."""

import datetime
import io
import json
import re
import zoneinfo
from importlib import import_module

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.http import parse_http_date
from PIL import Image

from newsroom.consent import next_consent_expiry
from newsroom.imaging import prepare_upload, save_photo
from newsroom.models import Photo

from . import images
from .channel_helpers import queries_of
from .factories import (
    PersonFactory,
    PhotoPersonFactory,
    PressReleaseFactory,
    ReleasePhotoFactory,
    SectionFactory,
)
from .test_photo_upload import assert_clean

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def uploaded_photo(data=None, **fields):
    """A photo through the same pipeline as the admin upload."""
    photo = Photo(alt_text="Zwei Farbflächen nebeneinander", caption="Rot und Blau", credit="Pressestelle", **fields)
    return save_photo(photo, prepare_upload(ContentFile(data or images.plain_jpeg(), name="x.jpg")))


def release_with_photos(**release_fields):
    hero = uploaded_photo()
    release = PressReleaseFactory(published=True, hero_photo=hero, **release_fields)
    section = SectionFactory(release=release, position=1)
    placed = ReleasePhotoFactory(section=section, release=release, position=1, photo=uploaded_photo()).photo
    return release, hero, placed


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def srcset_entries(value):
    return [(url, int(width[:-1])) for url, width in (entry.strip().split(" ") for entry in value.split(","))]


def storage_name(url):
    assert url.startswith(django_settings.MEDIA_URL)
    return url[len(django_settings.MEDIA_URL):]


def test_every_srcset_url_serves_its_described_width(client):
    release, _hero, _placed = release_with_photos()
    soup = page(client, release.get_absolute_url())
    candidates = soup.select("picture source[srcset], picture img[srcset]")
    assert len(candidates) == 4  # hero and placed photo, WebP source and JPEG img each
    for element in candidates:
        entries = srcset_entries(element["srcset"])
        assert [width for _url, width in entries] == [480, 800, 1200, 1600]
        for url, width in entries:
            with default_storage.open(storage_name(url), "rb") as served:
                data = served.read()
            image = assert_clean(data)
            assert image.width == width
            assert image.format == ("WEBP" if element.name == "source" else "JPEG")


def test_detail_images_carry_srcset_sizes_dimensions_and_alt(client):
    release, hero, _placed = release_with_photos()
    soup = page(client, release.get_absolute_url())
    imgs = soup.select("article img")
    assert len(imgs) == 2
    for img in imgs:
        assert img["srcset"] and img["sizes"] and img["alt"] == hero.alt_text
        assert int(img["width"]) == 1200 and int(img["height"]) == 750
        assert img["src"] in img["srcset"]
    # The hero opens the page and is not lazy; the photo further down is.
    assert "loading" not in imgs[0].attrs and imgs[0]["fetchpriority"] == "high"
    assert imgs[1]["loading"] == "lazy"


def test_list_thumbnail_uses_small_renditions(client):
    release, hero, _placed = release_with_photos()
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    PressReleaseFactory(published=True, hero_photo=uploaded_photo(), published_at=two_days_ago)
    thumbs = page(client, "/pressemeldungen/").select(".release-list img.thumb")
    assert len(thumbs) == 2
    assert thumbs[0]["sizes"] == "12rem" and "480w" in thumbs[0]["srcset"]
    assert thumbs[0]["src"] == hero.rendition_list[0].jpeg_url
    assert (int(thumbs[0]["width"]), int(thumbs[0]["height"])) == (480, 300)
    assert "loading" not in thumbs[0].attrs and thumbs[1]["loading"] == "lazy"


def test_feed_shows_a_rendition_and_the_download(client):
    release, hero, _placed = release_with_photos()
    feed = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content)
    content = feed.entries[0].content[0].value
    assert f'src="http://testserver{hero.default_rendition.jpeg_url}"' in content
    assert f"http://testserver/pressemeldungen/{release.slug}/fotos/{hero.pk}/herunterladen/" in content
    assert feed.entries[0].enclosures[0].href == "http://testserver" + hero.image.url


def test_feed_announces_the_size_kept_at_upload(client):
    _release, hero, _placed = release_with_photos()
    assert hero.file_size == default_storage.size(hero.image.name) > 0
    feed = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content)
    assert int(feed.entries[0].enclosures[0].length) == hero.file_size


def test_a_photo_file_lost_from_the_storage_breaks_no_page_or_feed(client, caplog):
    release, hero, placed = release_with_photos()
    for photo in (hero, placed):
        default_storage.delete(photo.image.name)
    for url in [release.get_absolute_url(), "/pressemeldungen/", "/pressemeldungen/feed/rss/",
                "/pressemeldungen/feed/atom/"]:
        assert client.get(url).status_code == 200, url
    download = f"/pressemeldungen/{release.slug}/fotos/{hero.pk}/herunterladen/"
    assert client.get(download).status_code == 404
    assert f"Photo {hero.pk}: its file {hero.image.name} is missing from the storage." in caplog.text


def test_download_serves_the_clean_original_as_attachment(client):
    release, hero, _placed = release_with_photos()
    soup = page(client, release.get_absolute_url())
    link = soup.select_one("figure.photo .download a")
    assert link.get_text() == "Pressefoto herunterladen"
    assert "Foto: Pressestelle" in link.parent.get_text() and "Frei zur Berichterstattung" in link.parent.get_text()
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == f'attachment; filename="pressefoto-{release.slug}-{hero.pk}.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    image = assert_clean(b"".join(response.streaming_content))
    assert image.size == (hero.width, hero.height) == (1600, 1000)


def test_download_shows_the_usage_note(client):
    release, hero, _placed = release_with_photos()
    hero.usage_note = "Nur für redaktionelle Zwecke bis Ende 2027."
    hero.save()
    text = page(client, release.get_absolute_url()).select_one("figure.photo .download").get_text()
    assert "Nur für redaktionelle Zwecke bis Ende 2027." in text


@pytest.mark.parametrize("case", ["draft", "other-release", "unknown"])
def test_download_only_for_photos_of_public_releases(client, case):
    release, hero, _placed = release_with_photos()
    if case == "draft":
        release.status = "draft"
        release.number = release.number_year = release.published_at = None
        release.save()
        url = f"/pressemeldungen/{release.slug}/fotos/{hero.pk}/herunterladen/"
    elif case == "other-release":
        other = PressReleaseFactory(published=True)
        url = f"/pressemeldungen/{other.slug}/fotos/{hero.pk}/herunterladen/"
    else:
        url = f"/pressemeldungen/{release.slug}/fotos/999999/herunterladen/"
    assert client.get(url).status_code == 404


def test_expired_consent_takes_the_photo_off_page_feed_and_download(client):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=BERLIN)):
        release, hero, placed = release_with_photos()
        PhotoPersonFactory(
            photo=hero, consent_given_on=datetime.date(2026, 5, 1), consent_until=datetime.date(2026, 6, 30)
        )
        download = f"/pressemeldungen/{release.slug}/fotos/{hero.pk}/herunterladen/"
    url = release.get_absolute_url()

    with time_machine.travel(datetime.datetime(2026, 6, 30, 23, 59, tzinfo=BERLIN)):
        assert len(page(client, url).select("figure.photo")) == 2
        feed = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content)
        assert feed.entries[0].enclosures
        assert hero.image.url.rsplit(".", 1)[0] in feed.entries[0].content[0].value
        assert client.get(download).status_code == 200
        assert len(page(client, "/pressemeldungen/").select(".release-list img")) == 1

    with time_machine.travel(datetime.datetime(2026, 7, 1, 0, 0, 1, tzinfo=BERLIN)):
        figures = page(client, url).select("figure.photo")
        assert len(figures) == 1
        assert hero.image.url.rsplit(".", 1)[0] not in str(figures[0])
        feed = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content)
        assert not feed.entries[0].enclosures
        assert hero.image.url.rsplit(".", 1)[0] not in feed.entries[0].content[0].value
        assert placed.image.url.rsplit(".", 1)[0] in feed.entries[0].content[0].value
        assert client.get(download).status_code == 404
        assert not page(client, "/pressemeldungen/").select(".release-list img")


def test_next_consent_expiry_is_the_midnight_after_the_last_day():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=BERLIN)):
        photo = uploaded_photo()
        PhotoPersonFactory(photo=photo, consent_until=datetime.date(2026, 6, 30))
        PhotoPersonFactory(photo=photo, consent_until=datetime.date(2026, 8, 31))
        PhotoPersonFactory(photo=photo, consent_until=datetime.date(2026, 5, 31))  # already over
        expiry = next_consent_expiry(timezone.now())
    assert expiry == datetime.datetime(2026, 7, 1, 0, 0, tzinfo=BERLIN)
    assert next_consent_expiry(datetime.datetime(2026, 9, 1, tzinfo=BERLIN)) is None


def test_photo_without_recorded_consent_is_not_shown(client):
    release, hero, _placed = release_with_photos()
    PhotoPersonFactory(photo=hero, consent="missing", consent_given_on=None)
    assert len(page(client, release.get_absolute_url()).select("figure.photo")) == 1


def test_consent_not_required_shows_the_photo(client):
    release, hero, _placed = release_with_photos()
    PhotoPersonFactory(photo=hero, consent="not_required", consent_given_on=None, consent_ground="contemporary_history")
    assert len(page(client, release.get_absolute_url()).select("figure.photo")) == 2


def test_caption_names_link_only_public_figures_with_a_page(client):
    release, hero, _placed = release_with_photos()
    official = PersonFactory(name="Petra Kretzschmann", slug="petra-kretzschmann", is_public_figure=True)
    client_person = PersonFactory(name="Anna Privat", slug="anna-privat", is_public_figure=False)
    PhotoPersonFactory(photo=hero, person=official, position=1)
    PhotoPersonFactory(photo=hero, person=client_person, position=2)

    people = page(client, release.get_absolute_url()).select_one("figure.photo .people")
    assert people.get_text() == "v. l. n. r.: Petra Kretzschmann, Anna Privat"
    links = [(a["href"], a.get_text()) for a in people.select("a")]
    assert links == [("/personen/petra-kretzschmann/", "Petra Kretzschmann")]


def test_pages_cost_the_same_queries_with_more_photos(client):
    release, hero, _placed = release_with_photos()
    urls = [release.get_absolute_url(), "/pressemeldungen/feed/rss/", "/pressemeldungen/"]
    before = [queries_of(client, url) for url in urls]
    for position in range(2, 5):
        section = SectionFactory(release=release, position=position)
        photo = uploaded_photo(images.plain_jpeg(500, 300))
        ReleasePhotoFactory(section=section, release=release, position=1, photo=photo)
        PhotoPersonFactory(photo=photo)
        PhotoPersonFactory(photo=hero)
    PressReleaseFactory(published=True, hero_photo=uploaded_photo())
    assert [queries_of(client, url) for url in urls] == before


def test_small_photo_has_one_rendition_at_its_own_width():
    photo = uploaded_photo(images.plain_jpeg(300, 200))
    assert [(r.width, r.height) for r in photo.rendition_list] == [(300, 200)]
    image = Image.open(io.BytesIO(default_storage.open(photo.rendition_list[0].webp).read()))
    assert image.size == (300, 200)
    assert re.fullmatch(r"photos/[0-9a-f]{32}-300w\.webp", photo.rendition_list[0].webp)


def test_first_shown_photo_is_eager_when_the_hero_is_withheld(client):
    release, hero, placed = release_with_photos()
    PhotoPersonFactory(photo=hero, consent="missing", consent_given_on=None)
    imgs = page(client, release.get_absolute_url()).select("article img")
    assert len(imgs) == 1 and placed.rendition_list[0].jpeg_url in imgs[0]["srcset"]
    assert "loading" not in imgs[0].attrs


def test_preview_of_a_draft_shows_photos_without_a_dead_download_link(editor_client):
    photo = uploaded_photo()
    release = PressReleaseFactory(hero_photo=photo)
    preview = editor_client.get(f"/admin/newsroom/pressrelease/{release.pk}/preview/")
    soup = BeautifulSoup(preview.content, "html.parser")
    assert soup.select_one("figure.photo img[srcset]")
    assert not soup.select(".download")


@pytest.mark.parametrize("kept", [False, True], ids=["asked", "remembered"])
def test_a_consent_ending_moves_last_modified_so_no_stale_304(client, settings, kept):
    """A photo leaves the page at midnight without anyone saving: a client asking
    "modified since yesterday?" must get the new page, not 304, also where the
    validators are kept in the cache (``freshness.remembered_freshness``)."""
    settings.NEWSROOM_COUNT_CACHE = kept
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=BERLIN)):
        release, hero, _placed = release_with_photos()
        PhotoPersonFactory(
            photo=hero, consent_given_on=datetime.date(2026, 5, 1), consent_until=datetime.date(2026, 6, 30)
        )
    url = release.get_absolute_url()
    with time_machine.travel(datetime.datetime(2026, 6, 30, 22, 0, tzinfo=BERLIN)):
        before = client.get(url)
    with time_machine.travel(datetime.datetime(2026, 7, 1, 0, 30, tzinfo=BERLIN)):
        after = client.get(url, headers={"If-Modified-Since": before["Last-Modified"]})
        assert after.status_code == 200
        assert len(BeautifulSoup(after.content, "html.parser").select("figure.photo")) == 1
        assert parse_http_date(after["Last-Modified"]) == int(datetime.datetime(2026, 7, 1, tzinfo=BERLIN).timestamp())


def preview_tags(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    og = {tag["property"]: tag["content"] for tag in soup.find_all("meta", attrs={"property": re.compile("^og:image")})}
    data = json.loads(soup.find("script", type="application/ld+json").string)
    return og, data.get("image"), soup.find("meta", attrs={"name": "twitter:card"})["content"]


def test_link_previews_show_the_default_rendition(client):
    release, hero, _placed = release_with_photos()
    og, image, card = preview_tags(client, release.get_absolute_url())
    rendition = hero.default_rendition
    assert rendition is not None and rendition.width <= 1200
    assert og["og:image"] == "http://testserver" + rendition.jpeg_url
    assert (og["og:image:width"], og["og:image:height"]) == (str(rendition.width), str(rendition.height))
    assert image[0]["url"] == og["og:image"] and image[0]["width"] == rendition.width
    assert card == "summary_large_image"


@pytest.mark.parametrize("hero_in_text", [False, True])
def test_link_previews_drop_a_hero_whose_consent_ended(client, hero_in_text):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=BERLIN)):
        release, hero, _placed = release_with_photos()
        if hero_in_text:
            ReleasePhotoFactory(section=release.sections.first(), release=release, position=2, photo=hero)
        PhotoPersonFactory(
            photo=hero, consent_given_on=datetime.date(2026, 5, 1), consent_until=datetime.date(2026, 6, 30)
        )
        assert preview_tags(client, release.get_absolute_url())[0]
    with time_machine.travel(datetime.datetime(2026, 7, 1, 0, 0, 1, tzinfo=BERLIN)):
        og, image, card = preview_tags(client, release.get_absolute_url())
    assert og == {} and image is None and card == "summary"


def test_migration_records_the_size_of_photos_stored_before(caplog):
    record_file_sizes = import_module("newsroom.migrations.0008_photo_file_size").record_file_sizes
    kept, lost = uploaded_photo(), uploaded_photo()
    Photo.objects.update(file_size=0)
    default_storage.delete(lost.image.name)
    record_file_sizes(django_apps, None)
    assert Photo.objects.get(pk=kept.pk).file_size == default_storage.size(kept.image.name) > 0
    assert Photo.objects.get(pk=lost.pk).file_size == 0
    assert f"Photo {lost.pk}: its file {lost.image.name} is missing from the storage." in caplog.text
