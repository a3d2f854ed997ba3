"""Every public page costs a fixed number of queries, however big the release or archive.

One table, ``PUBLIC_PAGES``: adding a page is one line (its URL, built from the
test world, and its budget). Each page is checked in a small world (one release
with one section, quote and photo) and a big one (51 releases, one of them with
30 sections, 60 quotes and 31 photos): the same exact count in both, for the
view itself, with the list count cached, and served from the page cache
(over each real cache backend in tests/test_pagecache.py).
"""

from dataclasses import dataclass

import pytest

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
# Every public page or feed also asks for its validators and lifetime (newsroom.freshness:
# one query for release times, one for consent dates).
PUBLIC_PAGES = [
    ("detail", lambda world: world.featured.get_absolute_url(), 11),
    ("detail-hero-in-text", lambda world: world.hero_in_text.get_absolute_url(), 10),
    ("list", lambda world: "/pressemeldungen/", 5),
    ("list-last-page", lambda world: f"/pressemeldungen/?seite={world.last_page}", 5),
    ("feed-rss", lambda world: "/pressemeldungen/feed/rss/", 9),
    ("imprint", lambda world: "/impressum/", 1),
    ("easy-language", lambda world: "/leichte-sprache/", 1),
]
PAGINATED = {"list", "list-last-page"}


@dataclass
class World:
    featured: object  # the hero photo on top of the page
    hero_in_text: object  # the hero photo placed in a section, as in the seed
    releases: int

    @property
    def last_page(self):
        return -(-self.releases // PER_PAGE)


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


@pytest.fixture(params=["small", "big"])
def world(request):
    contact = PersonFactory(is_press_contact=True, phone="0261 1", email="presse@example.org")
    topic = TopicFactory()
    if request.param == "small":
        return World(release_with_body(1, contact, topic), release_with_body(1, contact, topic, True), releases=2)
    for _ in range(49):
        release_with_body(2, contact, topic)
    return World(release_with_body(30, contact, topic), release_with_body(30, contact, topic, True), releases=51)


@pytest.mark.parametrize("name, url, queries", PUBLIC_PAGES, ids=[page[0] for page in PUBLIC_PAGES])
def test_page_costs_a_fixed_number_of_queries(client, settings, django_assert_num_queries, world, name, url, queries):
    address = url(world)
    # The view itself, nothing cached (the cold tier).
    with django_assert_num_queries(queries):
        assert client.get(address).status_code == 200
    # With the list count kept in the cache, a list saves its COUNT query.
    settings.NEWSROOM_COUNT_CACHE = True
    client.get(address)
    with django_assert_num_queries(queries - 1 if name in PAGINATED else queries):
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
