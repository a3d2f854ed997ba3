"""What search engines and link previews see: meta tags, JSON-LD, sitemap, robots.txt, redirects."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from newsroom import publishing
from newsroom.models import ReleaseSlugHistory, Status

from .channel_helpers import hide, queries_of
from .factories import PersonFactory, PressReleaseFactory, QuoteFactory, SectionFactory, TopicFactory
from .test_views import full_release

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def head_of(client, release):
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(page, prop):
    tag = page.find("meta", attrs={"property": prop})
    return tag["content"] if tag else None


def json_ld(page):
    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def test_detail_has_canonical_description_and_opengraph(client):
    release = full_release()
    release.topics.add(TopicFactory(name="Integration"))
    page = head_of(client, release)
    url = "http://testserver" + release.get_absolute_url()
    assert page.find("link", rel="canonical")["href"] == url
    assert page.find("meta", attrs={"name": "description"})["content"] == release.lead
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == release.title
    assert meta(page, "og:description") == release.lead
    assert meta(page, "og:url") == url
    assert meta(page, "og:image") == "http://testserver" + release.hero_photo.image.url
    assert meta(page, "og:image:alt") == release.hero_photo.alt_text
    assert meta(page, "og:image:width") == str(release.hero_photo.width)
    assert meta(page, "og:site_name") == "Jobcenter Mayen-Koblenz"
    assert meta(page, "og:locale") == "de_DE"
    assert meta(page, "article:section") == "Integration"
    assert datetime.datetime.fromisoformat(meta(page, "article:published_time")) == release.published_at


REQUIRED_NEWS_ARTICLE = {
    "@context", "@type", "headline", "datePublished", "dateModified", "image", "publisher", "author",
}


def test_detail_has_a_news_article_in_json_ld(client):
    release = full_release()
    data = json_ld(head_of(client, release))
    assert REQUIRED_NEWS_ARTICLE <= data.keys()
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == release.title
    assert datetime.datetime.fromisoformat(data["datePublished"]) == release.published_at
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= release.published_at
    assert data["image"][0]["url"] == "http://testserver" + release.hero_photo.image.url
    assert data["image"][0]["creditText"] == "Jobcenter"
    assert data["publisher"]["name"] == "Jobcenter Mayen-Koblenz"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["author"]["name"] == "Jobcenter Mayen-Koblenz – Pressestelle"
    assert data["identifier"] == release.release_number
    assert data["mainEntityOfPage"] == "http://testserver" + release.get_absolute_url()


def test_json_ld_cannot_be_broken_out_of(client):
    release = PressReleaseFactory(published=True, title='</script><script>alert("x")</script> & „Titel“')
    page_source = client.get(release.get_absolute_url()).content.decode()
    assert "</script><script>" not in page_source
    data = json_ld(BeautifulSoup(page_source, "html.parser"))
    assert data["headline"] == release.title
    assert "image" not in data


def test_detail_without_photo_has_no_image_tags(client):
    page = head_of(client, PressReleaseFactory(published=True))
    assert meta(page, "og:image") is None
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_every_public_page_announces_the_feeds(client):
    release = full_release()
    topic = TopicFactory(slug="integration")
    release.topics.add(topic)
    person = PersonFactory(slug="petra")
    QuoteFactory(section=SectionFactory(release=release), person=person)
    year = timezone.localtime(release.published_at).year
    for url in ["/pressemeldungen/", release.get_absolute_url(), "/themen/", "/themen/integration/",
                "/archiv/", f"/archiv/{year}/", "/personen/petra/", "/suche/", "/suche/?q=Text"]:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        types = {link["type"] for link in page.select('link[rel="alternate"]')}
        assert types == {"application/rss+xml", "application/atom+xml"}, url
    detail = BeautifulSoup(client.get(release.get_absolute_url()).content, "html.parser")
    feeds = {link["href"] for link in detail.select('link[rel="alternate"]')}
    assert {"/themen/integration/feed/rss/", "/themen/integration/feed/atom/"} <= feeds


def sitemap_entries(client):
    """{loc: lastmod} of every URL reachable from the sitemap index, and all the XML read."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    root = ET.fromstring(index.content)
    assert root.tag == "{%s}sitemapindex" % SITEMAP_NS["sm"]
    entries, content = {}, []
    for location in root.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        response = client.get(location.text.removeprefix("http://testserver"))
        assert response.status_code == 200
        content.append(response.content.decode())
        for url in ET.fromstring(response.content).findall("sm:url", SITEMAP_NS):
            entries[url.findtext("sm:loc", namespaces=SITEMAP_NS)] = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
    return entries, "".join(content)


def test_sitemap_lists_public_releases_topics_people_and_years(client):
    release = full_release()
    topic = TopicFactory(slug="integration")
    release.topics.add(topic)
    TopicFactory(slug="leer")  # no public release: not listed
    public = PersonFactory(slug="petra")
    private = PersonFactory(slug="privat", is_public_figure=False)
    for person in (public, private):
        QuoteFactory(section=SectionFactory(release=release), person=person)
    draft = PressReleaseFactory(title="Entwurf")
    scheduled = PressReleaseFactory(published=True, published_at=timezone.now() + datetime.timedelta(days=1))
    entries, content = sitemap_entries(client)
    year = timezone.localtime(release.published_at).year
    base = "http://testserver"
    people = {f"/personen/{slug}/" for slug in
              PersonFactory._meta.model.objects.filter(is_public_figure=True).values_list("slug", flat=True)}
    assert "/personen/petra/" in people and "/personen/privat/" not in people
    expected = {"/pressemeldungen/", "/themen/", "/archiv/", release.get_absolute_url(), "/themen/integration/", f"/archiv/{year}/", *people}
    assert set(entries) == {base + path for path in expected}
    assert all(entries.values())
    release.refresh_from_db()
    assert entries[base + release.get_absolute_url()] == release.updated_at.date().isoformat()
    assert draft.get_absolute_url() not in content
    assert scheduled.get_absolute_url() not in content


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_old_slug_answers_301_to_the_new_address(client):
    release = PressReleaseFactory(published=True, slug="alter-titel")
    release.slug = "neuer-titel"
    release.save()
    response = client.get("/pressemeldungen/alter-titel/")
    assert response.status_code == 301
    assert response["Location"] == "/pressemeldungen/neuer-titel/"
    release.slug = "dritter-titel"
    release.save()
    for old in ("alter-titel", "neuer-titel"):
        assert client.get(f"/pressemeldungen/{old}/")["Location"] == "/pressemeldungen/dritter-titel/"
    assert client.get("/pressemeldungen/dritter-titel/").status_code == 200


def test_taking_an_old_slug_back_makes_it_live_again(client):
    release = PressReleaseFactory(published=True, slug="eins")
    release.slug = "zwei"
    release.save()
    release.slug = "eins"
    release.save()
    assert client.get("/pressemeldungen/eins/").status_code == 200
    assert client.get("/pressemeldungen/zwei/")["Location"] == "/pressemeldungen/eins/"


def test_slug_changes_before_publication_leave_no_trace(client):
    release = PressReleaseFactory(slug="entwurf")
    release.slug = "entwurf-2"
    release.save()
    scheduled = PressReleaseFactory(published=True, slug="geplant",
                                    published_at=timezone.now() + datetime.timedelta(days=1))
    scheduled.slug = "geplant-2"
    scheduled.save()
    assert not ReleaseSlugHistory.objects.exists()
    assert client.get("/pressemeldungen/entwurf/").status_code == 404


def test_old_slug_of_an_unpublished_release_does_not_redirect(client):
    release = PressReleaseFactory(published=True, slug="alt")
    release.slug = "neu"
    release.save()
    hide(release, Status.REVIEW)
    assert client.get("/pressemeldungen/alt/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "withdrawn"])
def test_sitemap_shows_no_unpublished_release(client, state):
    from .test_channel_pages import hide

    topic = TopicFactory(slug="nur-verborgen")
    person = PersonFactory(slug="nur-verborgen")
    PressReleaseFactory(published=True, slug="sichtbar")
    hidden = PressReleaseFactory(published=True, slug="verborgen",
                                 published_at=datetime.datetime(2020, 5, 1, tzinfo=datetime.UTC))
    hidden.topics.add(topic)
    QuoteFactory(section=SectionFactory(release=hidden), person=person)
    hide(hidden, state)
    entries, content = sitemap_entries(client)
    assert "http://testserver/pressemeldungen/sichtbar/" in entries
    for leak in ("/pressemeldungen/verborgen/", "/themen/nur-verborgen/", "/personen/nur-verborgen/", "/archiv/2020/"):
        assert leak not in content, leak


@pytest.mark.parametrize("count", [1, 8])
def test_sitemaps_cost_the_same_queries_however_many(client, django_assert_num_queries, count):
    topic = TopicFactory(slug="integration")
    for _ in range(count):
        full_release().topics.add(topic)
    # Each includes one query for the validators and lifetime (newsroom.freshness).
    expected = {
        "/sitemap.xml": 16,
        "/sitemap-liste.xml": 4,
        "/sitemap-pressemeldungen.xml": 3,
        "/sitemap-themen.xml": 3,
        "/sitemap-personen.xml": 7,
        "/sitemap-archiv.xml": 2,
        "/robots.txt": 1,
    }
    assert {url: queries_of(client, url) for url in expected} == expected


def test_search_index_follows_title_and_lead(client):
    release = PressReleaseFactory(published=True, title="Altertitel", lead="Altvorspann")
    release.title, release.lead = "Neutitel", "Neuvorspann"
    release.save()
    page = BeautifulSoup(client.get("/suche/", {"q": "Neuvorspann"}).content, "html.parser")
    assert [a.get_text() for a in page.select(".search-results h2 a")] == ["Neutitel"]
    assert "search-results" not in client.get("/suche/", {"q": "Altertitel"}).content.decode()


def test_date_modified_follows_public_change_notes(client, press_officer):
    release = full_release()
    data = json_ld(head_of(client, release))
    assert datetime.datetime.fromisoformat(data["dateModified"]) == release.published_at
    later = timezone.now() + datetime.timedelta(hours=3)
    with time_machine.travel(later):
        publishing.correct(release, by=press_officer, note="Datum berichtigt", is_public=True)
    page = head_of(client, release)
    modified = datetime.datetime.fromisoformat(json_ld(page)["dateModified"])
    assert abs(modified - later) < datetime.timedelta(seconds=1)
    assert datetime.datetime.fromisoformat(meta(page, "article:modified_time")) == modified
