import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsroom.models import Status

from .factories import (
    PersonFactory,
    PhotoFactory,
    PhotoPersonFactory,
    PressReleaseFactory,
    QuoteFactory,
    ReleasePhotoFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def full_release(sections=1):
    """A published release with ``sections`` sections, each with a quote and a photo."""
    contact = PersonFactory(name="Pia Presse", is_press_contact=True, phone="0261 99", email="presse@example.org")
    release = PressReleaseFactory(published=True, press_contact=contact, hero_photo=PhotoFactory())
    for number in range(1, sections + 1):
        section = SectionFactory(release=release, position=number, heading=f"Teil {number}", body=f"<p>Text {number}</p>")
        QuoteFactory(section=section, position=1, text=f"Zitat {number}", role="Leiterin")
        shown = ReleasePhotoFactory(section=section, position=2)
        PhotoPersonFactory(photo=shown.photo)
    return release


def test_root_leads_to_the_press_list(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/pressemeldungen/"


def test_list_shows_published_releases_newest_first_with_german_dates(client):
    older = PressReleaseFactory(published=True, title="Ältere", published_at=timezone.now() - datetime.timedelta(days=3))
    newer = PressReleaseFactory(published=True, title="Neuere", lead="Vorspann der neueren",
                                published_at=datetime.datetime(2026, 11, 24, 9, tzinfo=datetime.UTC))
    PressReleaseFactory(title="Entwurf")
    page = soup_of(client.get("/pressemeldungen/"))
    titles = [a.get_text() for a in page.select(".release-list h2 a")]
    assert titles == ["Neuere", "Ältere"]
    assert "24. November 2026" in page.select_one(".release-list li").get_text()
    assert "Vorspann der neueren" in page.get_text()
    assert page.select_one(".release-list h2 a")["href"] == newer.get_absolute_url()
    assert older.get_absolute_url() in str(page)


def test_list_is_paginated_with_seite(client):
    for day in range(12):
        PressReleaseFactory(published=True, published_at=timezone.now() - datetime.timedelta(days=day + 1))
    first = soup_of(client.get("/pressemeldungen/"))
    second = soup_of(client.get("/pressemeldungen/?seite=2"))
    assert len(first.select(".release-list > li")) == 10
    assert len(second.select(".release-list > li")) == 2
    assert first.select_one('a[rel="next"]')["href"] == "?seite=2"
    assert client.get("/pressemeldungen/?seite=99").status_code == 404


def test_list_shows_a_thumbnail(client):
    release = PressReleaseFactory(published=True, hero_photo=PhotoFactory())
    image = soup_of(client.get("/pressemeldungen/")).select_one(".release-list img")
    assert image["src"] == release.hero_photo.image.url
    assert image["width"] and image["height"]


def test_detail_shows_every_part(client):
    release = full_release(sections=2)
    page = soup_of(client.get(release.get_absolute_url()))
    assert page.find("h1").get_text() == release.title
    assert release.release_number in page.select_one(".meta").get_text()
    assert "Koblenz" in page.select_one(".meta").get_text()
    assert [h.get_text() for h in page.select(".release-body h2")] == ["Teil 1", "Teil 2"]
    quotes = page.select("figure.quote")
    assert len(quotes) == 2
    assert quotes[0].find("blockquote").get_text(strip=True) == "„Zitat 1“"
    assert "Leiterin" in quotes[0].find("figcaption").get_text()
    photos = page.select(".release-body figure.photo")
    assert len(photos) == 2
    caption = photos[0].find("figcaption").get_text(" ", strip=True)
    assert "Im Bild:" in caption and "Foto: Jobcenter" in caption
    assert all(img["alt"] for img in page.select("figure.photo img"))
    contact = page.select_one(".press-contact").get_text(" ", strip=True)
    assert "Pia Presse" in contact and "presse@example.org" in contact


def test_detail_page_names_people_left_to_right(client):
    release = full_release()
    photo = release.photo_placements.get().photo
    photo.shown.all().delete()
    for position, name in enumerate(["Anna A", "Bernd B", "Cora C"], start=1):
        PhotoPersonFactory(photo=photo, person=PersonFactory(name=name), position=position)
    page = soup_of(client.get(release.get_absolute_url()))
    assert page.select_one(".release-body .people").get_text() == "v. l. n. r.: Anna A, Bernd B, Cora C"


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.PUBLISHED, "number": 99, "number_year": 2026,
         "published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "review", "scheduled"],
)
def test_unpublished_release_is_nowhere_public(client, state):
    release = PressReleaseFactory(title="Geheim", **state)
    assert client.get(release.get_absolute_url()).status_code == 404
    assert "Geheim" not in client.get("/pressemeldungen/").content.decode()
    assert "Geheim" not in client.get("/pressemeldungen/feed/rss/").content.decode()


def test_public_pages_set_no_cookies_and_announce_the_feed(client):
    release = full_release()
    for url in ["/pressemeldungen/", release.get_absolute_url()]:
        response = client.get(url)
        assert not response.cookies
        feed_link = soup_of(response).find("link", rel="alternate", type="application/rss+xml")
        assert feed_link["href"] == "/pressemeldungen/feed/rss/"


def test_pages_are_german(client):
    page = soup_of(client.get("/pressemeldungen/"))
    assert page.html["lang"] == "de"
    assert page.find("a", class_="skip-link").get_text() == "Zum Inhalt springen"


def test_no_asset_from_another_host(client):
    page = soup_of(client.get(full_release().get_absolute_url()))
    for tag, attribute in [("link", "href"), ("script", "src"), ("img", "src")]:
        for element in page.find_all(tag):
            # The canonical link names this very page absolutely; a JSON-LD block has no src.
            assert element.get(attribute, "/").startswith(("/", "http://testserver/")), element


def test_unknown_page_answers_with_a_german_404(client):
    response = client.get("/pressemeldungen/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.parametrize("sections", [1, 5])
def test_detail_costs_the_same_queries_however_long(client, django_assert_num_queries, sections):
    release = full_release(sections=sections)
    # 8 for the release, its parts, people shown, change notes and its topics,
    # + 1 for validators and lifetime (newsroom.freshness: release times and consent dates)
    with django_assert_num_queries(8 + 1):
        client.get(release.get_absolute_url())


@pytest.mark.parametrize("count", [1, 10])
def test_list_costs_the_same_queries_however_many(client, django_assert_num_queries, count):
    for _ in range(count):
        PressReleaseFactory(published=True, hero_photo=PhotoFactory())
    # count, page, people shown on thumbnails (consent) + validators and lifetime (1, newsroom.freshness)
    with django_assert_num_queries(3 + 1):
        client.get("/pressemeldungen/")
