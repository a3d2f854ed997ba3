import datetime

import feedparser
import pytest
from django.utils import timezone

from newsroom.feeds import release_guid

from .factories import PressReleaseFactory, QuoteFactory, SectionFactory, TopicFactory
from .test_views import full_release

pytestmark = pytest.mark.django_db

FEED_URL = "/pressemeldungen/feed/rss/"


def parsed_feed(client):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_feed_item_carries_the_release(client):
    release = full_release(sections=2)
    release.topics.add(TopicFactory(name="Integration"))
    entry = parsed_feed(client).entries[0]
    assert entry.title == release.title
    assert entry.link == "http://testserver" + release.get_absolute_url()
    assert entry.id == release_guid(release)
    assert entry.guidislink is False
    assert entry.summary == release.lead
    assert entry.published_parsed[:5] == release.published_at.utctimetuple()[:5]
    assert [tag.term for tag in entry.tags] == ["Integration"]


def test_full_text_has_headings_quotes_and_credit_with_absolute_urls(client):
    full_release(sections=2)
    content = parsed_feed(client).entries[0].content[0].value
    assert "<h2>Teil 1</h2>" in content and "<h2>Teil 2</h2>" in content
    assert "„Zitat 2“" in content and "Leiterin" in content
    assert "Foto: Jobcenter" in content
    assert 'src="http://testserver/media/' in content
    assert 'src="/' not in content


def test_hero_photo_is_the_enclosure(client):
    release = full_release()
    enclosure = parsed_feed(client).entries[0].enclosures[0]
    assert enclosure.href == "http://testserver" + release.hero_photo.image.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == release.hero_photo.image.size > 0


def test_guid_survives_title_and_slug_edits(client):
    release = full_release()
    before = parsed_feed(client).entries[0].id
    release.title, release.slug = "Neuer Titel", "neuer-titel"
    release.save()
    after = parsed_feed(client).entries[0]
    assert after.id == before
    assert after.link.endswith("/pressemeldungen/neuer-titel/")


def test_feed_lists_the_twenty_newest(client):
    for day in range(22):
        PressReleaseFactory(published=True, title=f"Tag {day}", published_at=timezone.now() - datetime.timedelta(days=day + 1))
    titles = [entry.title for entry in parsed_feed(client).entries]
    assert titles == [f"Tag {day}" for day in range(20)]


def test_feed_without_photo_has_no_enclosure(client):
    section = SectionFactory(release=PressReleaseFactory(published=True))
    QuoteFactory(section=section, person=None, attribution="Ein Besucher der Jobbörse")
    entry = parsed_feed(client).entries[0]
    assert not entry.get("enclosures")
    assert "Ein Besucher der Jobbörse" in entry.content[0].value


@pytest.mark.parametrize("count", [1, 8])
def test_feed_costs_the_same_queries_however_many_items(client, django_assert_num_queries, count):
    for _ in range(count):
        full_release(sections=2)
    with django_assert_num_queries(7 + 1):  # +1: validators and lifetime (newsroom.freshness)
        client.get(FEED_URL)

