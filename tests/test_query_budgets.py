"""Every public page costs a fixed number of queries, however big the release or archive.

One table, ``PUBLIC_PAGES``: adding a page is one line (its URL, built from the
test world, and its budget). Each page is checked in a small world (one release
with one section, quote and photo) and a big one (51 releases, one of them with
30 sections, 60 quotes and 31 photos): the same exact count in both, for the
view itself, with the archive-wide figures cached (counts, validators: the cold tier of
``make bench``), and served from the page cache
(over each real cache backend in tests/test_pagecache.py).
"""

import html
import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

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

PER_PAGE = 10

# name, URL built from the world, exact queries of the view (no cache)
# Every public page or feed also asks for its validators and lifetime: one query
# (newsroom.freshness: release times and consent dates beside the content clock),
# which the count cache keeps until the next write or scheduled change.
PUBLIC_PAGES = [
    ("detail", lambda world: world.featured.get_absolute_url(), 9),
    ("detail-hero-in-text", lambda world: world.hero_in_text.get_absolute_url(), 8),
    ("list", lambda world: "/pressemeldungen/", 4),
    ("list-last-page", lambda world: f"/pressemeldungen/?seite={world.last_page}", 4),
    ("feed-rss", lambda world: "/pressemeldungen/feed/rss/", 8),
    ("feed-atom", lambda world: "/pressemeldungen/feed/atom/", 8),
    ("topics", lambda world: "/themen/", 2),
    ("topic", lambda world: world.topic.get_absolute_url(), 4),
    ("topic-next-page", lambda world: world.next_page_of(world.topic.get_absolute_url()), 4),
    ("topic-feed-rss", lambda world: f"{world.topic.get_absolute_url()}feed/rss/", 9),
    ("topic-feed-atom", lambda world: f"{world.topic.get_absolute_url()}feed/atom/", 9),
    ("person", lambda world: world.contact.get_absolute_url(), 5),
    ("archive", lambda world: "/archiv/", 2),
    ("archive-year", lambda world: f"/archiv/{world.year}/", 4),
    ("archive-month", lambda world: f"/archiv/{world.year}/{world.month}/", 4),
    ("search", lambda world: "/suche/?q=Pressemeldung", 5),
    ("search-topic-year", lambda world: f"/suche/?q=Pressemeldung&thema={world.topic.slug}&jahr={world.year}", 6),
    ("sitemap", lambda world: "/sitemap.xml", 16),
    ("sitemap-releases", lambda world: "/sitemap-pressemeldungen.xml", 3),
    ("robots", lambda world: "/robots.txt", 1),
    ("imprint", lambda world: "/impressum/", 1),
    ("easy-language", lambda world: "/leichte-sprache/", 1),
]
# Pages with an archive-wide count kept in the count cache (newsroom.pagination.remembered):
# the list's total, the archive's and the search form's years.
COUNTED = {"list", "list-last-page", "archive", "search", "search-topic-year"}
# Legal pages (app "pages") change with their own text only: no release times asked.
WITHOUT_RELEASE_TIMES = {"imprint", "easy-language"}


@dataclass
class World:
    featured: object  # the hero photo on top of the page
    hero_in_text: object  # the hero photo placed in a section, as in the seed
    releases: int
    topic: object  # every release's topic
    contact: object  # every release's press contact, a public figure
    media_root: object  # where its photos' files are

    @property
    def last_page(self):
        return -(-self.releases // PER_PAGE)

    @property
    def year(self):
        return timezone.localtime(self.featured.published_at).year

    @property
    def month(self):
        return timezone.localtime(self.featured.published_at).month

    def next_page_of(self, url):
        """A cursor page ("older releases"), as its link on the first page gives it."""
        page = Client().get(url).content.decode()
        return url + html.unescape(re.search(r'href="(\?[^"]*vor=[^"]*)"', page).group(1)) if self.releases > PER_PAGE \
            else url


def release_with_body(parts, contact, topic, hero_in_text=False):
    release = PressReleaseFactory(published=True, press_contact=contact, hero_photo=PhotoFactory())
    PhotoPersonFactory(photo=release.hero_photo)
    release.topics.add(topic)
    if hero_in_text:
        ReleasePhotoFactory(section=SectionFactory(release=release, position=0), photo=release.hero_photo)
    for number in range(1, parts + 1):
        section = SectionFactory(release=release, position=number)
        person = PersonFactory()
        QuoteFactory(section=section, person=person, position=1)
        QuoteFactory(section=section, person=None, attribution="Ein Besucher", position=2)
        placed = ReleasePhotoFactory(section=section, position=3)
        PhotoPersonFactory(photo=placed.photo, person=person)
        release.named_people.add(person)
    return release


def build_world(size, media_root):
    """Two releases with one part each (small), or 51 of which two have 30 parts (big)."""
    contact = PersonFactory(is_press_contact=True, phone="0261 1", email="presse@example.org")
    topic = TopicFactory()
    parts, others = (1, 0) if size == "small" else (30, 49)
    for _ in range(others):
        release_with_body(2, contact, topic)
    featured, hero_in_text = (release_with_body(parts, contact, topic, hero_in_text=placed) for placed in (False, True))
    return World(featured, hero_in_text, others + 2, topic, contact, media_root)


@pytest.fixture(scope="module", params=["small", "big"])
def world(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module, as Django's ``setUpTestData`` would: inside a transaction
    that is rolled back afterwards, each test in a savepoint of it. (The big world is
    some 14,000 writes; built for each of its 23 cases it was the slowest part of CI.)"""
    media_root = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        with transaction.atomic():
            yield build_world(request.param, media_root)
            transaction.set_rollback(True)


@pytest.mark.parametrize("name, url, queries", PUBLIC_PAGES, ids=[page[0] for page in PUBLIC_PAGES])
def test_page_costs_a_fixed_number_of_queries(client, settings, django_assert_num_queries, world, name, url, queries):
    settings.MEDIA_ROOT = world.media_root
    address = url(world)
    # The view itself, nothing cached.
    with django_assert_num_queries(queries):
        assert client.get(address).status_code == 200
    # With archive-wide figures kept in the cache, a page saves its validators' query
    # and its counting query.
    settings.NEWSROOM_COUNT_CACHE = True
    client.get(address)
    with django_assert_num_queries(queries - (name not in WITHOUT_RELEASE_TIMES) - (name in COUNTED)):
        assert client.get(address).status_code == 200
    # Served from the page cache (the warm tier): no query at all.
    settings.NEWSROOM_PAGE_CACHE = True
    client.get(address)
    with django_assert_num_queries(0):
        assert client.get(address).status_code == 200


def test_the_big_world_is_big(client, world):
    """Guards the premise: the big world really has 30 parts and 51 releases on the pages."""
    if world.releases == 2:
        return
    assert world.featured.sections.count() == 30
    assert world.featured.quotes.count() == 60
    page = client.get(world.featured.get_absolute_url()).content.decode()
    assert page.count('class="quote"') == 60
    assert client.get(f"/pressemeldungen/?seite={world.last_page}").status_code == 200
    assert client.get(f"/pressemeldungen/?seite={world.last_page + 1}").status_code == 404
