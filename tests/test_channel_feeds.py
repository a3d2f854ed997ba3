"""Every feed (all releases and per topic, RSS 2.0 and Atom 1.0) as a feed reader sees it."""

import datetime

import feedparser
import pytest
import time_machine
from django.utils import timezone

from newsroom import publishing
from newsroom.feeds import release_guid

from .channel_helpers import hide
from .factories import PressReleaseFactory, TopicFactory
from .test_views import full_release

pytestmark = pytest.mark.django_db

RSS, ATOM = "rss", "atom"
CONTENT_TYPES = {RSS: "application/rss+xml", ATOM: "application/atom+xml"}


def feed_url(kind, topic=None):
    return f"/themen/{topic.slug}/feed/{kind}/" if topic else f"/pressemeldungen/feed/{kind}/"


def parse(response, kind):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind])
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == RSS else "atom10")
    return feed


@pytest.fixture
def topic(db):
    return TopicFactory(name="Integration", slug="integration")


@pytest.fixture(
    params=[(RSS, False), (ATOM, False), (RSS, True), (ATOM, True)],
    ids=lambda p: f"{p[0]}-{'topic' if p[1] else 'all'}",
)
def every_feed(request, topic):
    """(kind, url) of each of the four feeds a topic has."""
    kind, per_topic = request.param
    return kind, feed_url(kind, topic if per_topic else None)


def test_every_feed_carries_the_release(client, topic, every_feed):
    kind, url = every_feed
    release = full_release(sections=2)
    release.topics.add(topic)
    feed = parse(client.get(url), kind)
    entry = feed.entries[0]
    assert entry.id == release_guid(release)
    assert entry.title == release.title
    assert entry.link == "http://testserver" + release.get_absolute_url()
    assert entry.published_parsed[:6] == release.published_at.utctimetuple()[:6]
    assert [tag.term for tag in entry.tags] == ["Integration"]
    assert entry.author == "Jobcenter Mayen-Koblenz"
    content = entry.content[0].value
    assert "<h2>Teil 2</h2>" in content and "„Zitat 2“" in content
    assert "Foto: Jobcenter" in content
    assert 'src="http://testserver/media/' in content and 'src="/' not in content
    assert entry.media_credit[0]["content"] == "Jobcenter"
    assert feed.feed.language == "de"


def test_every_feed_has_the_hero_as_enclosure(client, topic, every_feed):
    kind, url = every_feed
    release = full_release()
    release.topics.add(topic)
    entry = parse(client.get(url), kind).entries[0]
    enclosure = entry.enclosures[0]
    assert enclosure.href == "http://testserver" + release.hero_photo.image.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == release.hero_photo.image.size
    if kind == ATOM:
        assert any(link.rel == "enclosure" for link in entry.links)


def test_atom_entry_has_published_and_updated(client):
    release = full_release()
    entry = parse(client.get(feed_url(ATOM)), ATOM).entries[0]
    assert entry.updated_parsed[:6] == release.published_at.utctimetuple()[:6]  # no public change note yet
    assert entry.published_parsed[:6] == release.published_at.utctimetuple()[:6]
    assert entry.summary == release.lead


@pytest.mark.parametrize("kind", [RSS, ATOM])
@pytest.mark.parametrize("per_topic", [False, True])
def test_updated_moves_when_a_published_release_is_corrected(client, press_officer, topic, kind, per_topic):
    release = full_release()
    release.topics.add(topic)
    url = feed_url(kind, topic if per_topic else None)
    before = parse(client.get(url), kind).entries[0]
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        release.title = "Intern geändert"
        release.save()
        internal = parse(client.get(url), kind).entries[0]
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        release.title = "Berichtigt"
        release.save()
        publishing.correct(release, by=press_officer, note="Name berichtigt", is_public=True)
        after = parse(client.get(url), kind).entries[0]
    # Only a public change note moves the date readers see (workflow issue).
    assert internal.updated_parsed == before.updated_parsed
    assert after.title == "Berichtigt"
    assert after.id == before.id
    assert after.published_parsed == before.published_parsed
    assert after.updated_parsed > before.updated_parsed


def test_topic_feed_holds_only_its_topic(client, topic):
    inside = PressReleaseFactory(published=True, title="Drinnen")
    inside.topics.add(topic)
    PressReleaseFactory(published=True, title="Draußen").topics.add(TopicFactory())
    for kind in (RSS, ATOM):
        feed = parse(client.get(feed_url(kind, topic)), kind)
        assert [entry.title for entry in feed.entries] == ["Drinnen"]
        assert feed.feed.title.endswith("Integration")
        assert feed.feed.link == "http://testserver/themen/integration/"


def test_empty_topic_feed_is_valid_and_stable(client, topic):
    for kind in (RSS, ATOM):
        first = client.get(feed_url(kind, topic))
        assert parse(first, kind).entries == []
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
            assert client.get(feed_url(kind, topic)).content == first.content


def test_unknown_topic_feed_is_404(client):
    assert client.get("/themen/gibt-es-nicht/feed/rss/").status_code == 404
    assert client.get("/themen/gibt-es-nicht/feed/atom/").status_code == 404


@pytest.mark.parametrize(
    "state",
    ["draft", "review", "scheduled", "withdrawn"],
)
def test_no_unpublished_release_in_any_feed(client, topic, every_feed, state):
    kind, url = every_feed
    visible = PressReleaseFactory(published=True, title="Sichtbar")
    hidden = PressReleaseFactory(published=True, title="Verborgen")
    for release in (visible, hidden):
        release.topics.add(topic)
    hide(hidden, state)
    feed = parse(client.get(url), kind)
    assert [entry.title for entry in feed.entries] == ["Sichtbar"]
    assert b"Verborgen" not in client.get(url).content


def test_scheduled_release_enters_the_feeds_when_its_time_passes(client, topic):
    at = timezone.now() + datetime.timedelta(hours=3)
    release = PressReleaseFactory(published=True, published_at=at, title="Geplant")
    release.topics.add(topic)
    assert parse(client.get(feed_url(RSS, topic)), RSS).entries == []
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        for kind in (RSS, ATOM):
            assert [e.title for e in parse(client.get(feed_url(kind, topic)), kind).entries] == ["Geplant"]


@pytest.mark.parametrize("count", [1, 8])
def test_topic_and_atom_feeds_cost_the_same_queries_however_many_items(client, topic, django_assert_num_queries, count):
    for _ in range(count):
        full_release(sections=2).topics.add(topic)
    with django_assert_num_queries(8):
        client.get(feed_url(ATOM))
    with django_assert_num_queries(9):  # +1: the topic
        client.get(feed_url(RSS, topic))
