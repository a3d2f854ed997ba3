"""Topic, archive and person pages: lists, counts, privacy, and published releases only."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from .channel_helpers import hide, queries_of
from .factories import (
    PersonFactory,
    PhotoFactory,
    PhotoPersonFactory,
    PressReleaseFactory,
    QuoteFactory,
    ReleasePhotoFactory,
    SectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [a.get_text() for a in page.select(".release-list h2 a")]


def at(year, month, day=15):
    return datetime.datetime(year, month, day, 10, tzinfo=datetime.UTC)


# Topics


def test_topic_page_lists_its_releases_and_announces_its_feeds(client):
    topic = TopicFactory(name="Integration", slug="integration")
    PressReleaseFactory(published=True, title="Drinnen").topics.add(topic)
    PressReleaseFactory(published=True, title="Draußen")
    page = soup(client.get("/themen/integration/"))
    assert page.find("h1").get_text() == "Integration"
    assert titles(page) == ["Drinnen"]
    feeds = {link["href"] for link in page.select('link[rel="alternate"]')}
    assert {"/themen/integration/feed/rss/", "/themen/integration/feed/atom/",
            "/pressemeldungen/feed/rss/", "/pressemeldungen/feed/atom/"} <= feeds
    assert client.get("/themen/gibt-es-nicht/").status_code == 404


def test_topic_index_counts_public_releases_only(client):
    topic = TopicFactory(name="Integration", slug="integration")
    PressReleaseFactory(published=True).topics.add(topic)
    PressReleaseFactory().topics.add(topic)
    page = soup(client.get("/themen/"))
    item = page.select_one(".link-list li")
    assert item.find("a")["href"] == topic.get_absolute_url()
    assert "(1 Pressemeldung)" in item.get_text()


def test_topic_pages_paginate_with_a_cursor(client):
    topic = TopicFactory(slug="integration")
    for day in range(23):
        PressReleaseFactory(published=True, title=f"Tag {day}",
                            published_at=timezone.now() - datetime.timedelta(days=day + 1)).topics.add(topic)
    seen, url = [], "/themen/integration/"
    while url:
        page = soup(client.get(url))
        seen += titles(page)
        older = page.select_one('a[rel="next"]')
        url = "/themen/integration/" + older["href"] if older else None
    assert seen == [f"Tag {day}" for day in range(23)]
    last = soup(client.get("/themen/integration/" + page.select_one('a[rel="prev"]')["href"]))
    assert titles(last) == [f"Tag {day}" for day in range(10, 20)]


@pytest.mark.parametrize("garbage", ["x", "1.2.3", "99999999999999999999999.1", "1e5.1", "\x00", "9" * 5000])
def test_broken_cursors_give_the_first_page(client, garbage):
    topic = TopicFactory(slug="integration")
    PressReleaseFactory(published=True, title="Eins").topics.add(topic)
    assert titles(soup(client.get("/themen/integration/", {"vor": garbage}))) == ["Eins"]
    assert titles(soup(client.get("/themen/integration/", {"nach": garbage}))) == ["Eins"]
    assert client.get("/archiv/", {"vor": garbage}).status_code == 200


# Archive


def test_archive_counts_by_year_and_month(client):
    for when in [at(2024, 3), at(2024, 3, 20), at(2024, 11), at(2025, 1)]:
        PressReleaseFactory(published=True, published_at=when)
    PressReleaseFactory(published_at=at(2024, 5))  # a draft with a date
    index = soup(client.get("/archiv/"))
    rows = [li.get_text(" ", strip=True) for li in index.select(".archive-years li")]
    assert rows == ["2025 (1 Pressemeldung)", "2024 (3 Pressemeldungen)"]
    year = soup(client.get("/archiv/2024/"))
    months = [li.get_text(" ", strip=True) for li in year.select(".archive-months li")]
    assert months == ["November (1)", "März (2)"]
    assert len(titles(year)) == 3
    march = soup(client.get("/archiv/2024/3/"))
    assert len(titles(march)) == 2
    assert client.get("/archiv/2024/03/").status_code == 200


def test_archive_uses_local_time_for_the_year(client):
    # 23:30 UTC on New Year's Eve is already the new year in Germany.
    PressReleaseFactory(published=True, published_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC))
    assert client.get("/archiv/2025/").status_code == 200
    assert client.get("/archiv/2024/").status_code == 404


@pytest.mark.parametrize(
    "url", ["/archiv/2019/", "/archiv/0000/", "/archiv/2024/13/", "/archiv/2024/0/", "/archiv/12345/"]
)
def test_empty_or_impossible_periods_are_404(client, url):
    PressReleaseFactory(published=True, published_at=at(2024, 3))
    assert client.get(url).status_code == 404


# People


def person_in_release(**person_kwargs):
    person = PersonFactory(name="Petra Kretzschmann", slug="petra-kretzschmann", role="Büroleiterin", **person_kwargs)
    release = PressReleaseFactory(published=True, title="Zitiert")
    section = SectionFactory(release=release)
    QuoteFactory(section=section, person=person, text="Vielfalt ist Stärke", role="Büroleiterin")
    return person, release


def test_public_figure_has_a_page_with_quotes_and_releases(client):
    person, quoted = person_in_release()
    pictured = PressReleaseFactory(published=True, title="Im Bild", hero_photo=PhotoFactory(),
                                   published_at=timezone.now() - datetime.timedelta(days=2))
    PhotoPersonFactory(photo=pictured.hero_photo, person=person)
    in_text = PressReleaseFactory(published=True, title="Im Text",
                                  published_at=timezone.now() - datetime.timedelta(days=3))
    ReleasePhotoFactory(section=SectionFactory(release=in_text), photo=PhotoPersonFactory(person=person).photo)
    named = PressReleaseFactory(published=True, title="Genannt",
                                published_at=timezone.now() - datetime.timedelta(days=4))
    named.named_people.add(person)
    PressReleaseFactory(published=True, title="Ohne sie")
    assert person.get_absolute_url() == "/personen/petra-kretzschmann/"
    page = soup(client.get(person.get_absolute_url()))
    assert page.find("h1").get_text() == "Petra Kretzschmann"
    assert "Büroleiterin" in page.select_one(".lead").get_text()
    assert "Vielfalt ist Stärke" in page.select_one(".quote").get_text()
    assert titles(page) == ["Zitiert", "Im Bild", "Im Text", "Genannt"]
    assert page.select_one(".press-contact") is None


def test_press_contact_page_shows_contact_details(client):
    contact = PersonFactory(slug="pia-presse", is_press_contact=True, phone="0261 99", email="presse@example.org")
    PressReleaseFactory(published=True, press_contact=contact)
    box = soup(client.get(contact.get_absolute_url())).select_one(".press-contact")
    assert box.select_one('a[href="tel:026199"]') and box.select_one('a[href="mailto:presse@example.org"]')


def test_private_person_has_no_page_and_no_link(client):
    person, release = person_in_release(is_public_figure=False)
    assert person.get_absolute_url() == ""
    assert client.get("/personen/petra-kretzschmann/").status_code == 404
    for url in ["/themen/", "/archiv/", "/pressemeldungen/", "/sitemap-personen.xml", "/suche/?q=Zitiert"]:
        assert "/personen/petra-kretzschmann/" not in client.get(url).content.decode()


def test_person_without_public_appearance_has_no_page(client):
    person, release = person_in_release()
    hide(release, "scheduled")
    assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get("/personen/unbekannt/").status_code == 404


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "withdrawn"])
def test_no_unpublished_release_on_topic_archive_or_person_pages(client, state):
    topic = TopicFactory(slug="integration")
    person = PersonFactory(slug="petra")
    visible = PressReleaseFactory(published=True, title="Sichtbar", published_at=at(2025, 6))
    hidden = PressReleaseFactory(published=True, title="Verborgen", published_at=at(2025, 6, 20))
    for release in (visible, hidden):
        release.topics.add(topic)
        QuoteFactory(section=SectionFactory(release=release), person=person, text=f"Satz aus {release.title}")
    hide(hidden, state)
    for url in ["/themen/integration/", "/archiv/2025/", "/archiv/2025/6/", "/personen/petra/"]:
        page = soup(client.get(url))
        assert titles(page) == ["Sichtbar"], url
        assert "Verborgen" not in str(page), url
    assert "(1 Pressemeldung)" in soup(client.get("/archiv/")).get_text()
    assert "(1 Pressemeldung)" in soup(client.get("/themen/")).get_text()


@pytest.mark.parametrize("count", [1, 12])
def test_channel_pages_cost_the_same_queries_however_many(client, django_assert_num_queries, count):
    topic = TopicFactory(slug="integration")
    person = PersonFactory(slug="petra", is_press_contact=True, email="p@example.org")
    for day in range(count):
        release = PressReleaseFactory(published=True, hero_photo=PhotoFactory(), press_contact=person,
                                      published_at=at(2025, 6) - datetime.timedelta(days=day))
        release.topics.add(topic)
        QuoteFactory(section=SectionFactory(release=release), person=person)
    expected = {
        "/themen/": 2,  # topics with counts, freshness (with consent dates)
        "/themen/integration/": 4,  # topic, page, people shown (consent), freshness
        "/archiv/": 2,  # years, freshness
        "/archiv/2025/": 4,  # months, page, people shown (consent), freshness
        "/personen/petra/": 5,  # person, releases, people shown (consent), quotes, freshness
    }
    assert {url: queries_of(client, url) for url in expected} == expected


def test_admin_offers_view_on_site_for_public_figures_only(editor):
    from django.contrib.admin.sites import site

    from newsroom.models import Person

    person_admin = site._registry[Person]
    assert person_admin.get_view_on_site_url(PersonFactory(slug="oeffentlich")) == "/personen/oeffentlich/"
    assert person_admin.get_view_on_site_url(PersonFactory(is_public_figure=False)) is None
