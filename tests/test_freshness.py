"""Conditional GET and cache lifetimes of public pages and feeds."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from django.utils.cache import get_max_age
from django.utils.http import parse_http_date

from newsroom.freshness import (
    ChangeSource, next_public_change, public_last_modified, register_change_source, unregister_change_source,
)
from newsroom.models import Status

from .factories import PersonFactory, PressReleaseFactory, QuoteFactory, TopicFactory
from .test_views import full_release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["asked", "remembered"])
def freshness_kept(request, settings):
    """Each test twice: validators asked of the database for every response, and kept per
    cache generation until the next change (``remembered_freshness``, on in production)."""
    settings.NEWSROOM_COUNT_CACHE = request.param == "remembered"


@pytest.fixture
def release(db):
    release = full_release()
    release.topics.add(TopicFactory(slug="integration"))
    QuoteFactory(section=release.sections.first(), person=PersonFactory(slug="pia-person"))
    return release


PUBLIC_URLS = [
    "/pressemeldungen/",
    "/pressemeldungen/feed/rss/",
    "/pressemeldungen/feed/atom/",
    "/themen/integration/feed/rss/",
    "/themen/integration/feed/atom/",
    "/themen/",
    "/themen/integration/",
    "/archiv/",
    "/personen/pia-person/",
    "/suche/?q=Zitat",
    "/sitemap.xml",
    "/sitemap-pressemeldungen.xml",
    "/sitemap-personen.xml",
    "/robots.txt",
]


def urls_of(release):
    year = timezone.localtime(release.published_at).year
    return [*PUBLIC_URLS, release.get_absolute_url(), f"/archiv/{year}/"]


def test_every_public_response_has_validators_and_public_cache_control(client, release):
    for url in urls_of(release):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"], url
        assert parse_http_date(response["Last-Modified"]) == int(public_last_modified().timestamp()), url
        assert "public" in response["Cache-Control"], url
        assert get_max_age(response) == 300, url
        assert not response.cookies, url


def test_repeat_with_validators_answers_304_and_200_after_a_change(client, release):
    for url in urls_of(release):
        first = client.get(url)
        etag, last_modified = first["ETag"], first["Last-Modified"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304, url
        assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304, url
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        release.title = "Berichtigter Titel"
        release.save()
        for url in urls_of(release):
            assert client.get(url, headers={"If-None-Match": etag}).status_code == 200, url
            assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 200, url


def test_feed_answers_304_then_200_when_the_release_changes(client, release):
    url = "/pressemeldungen/feed/atom/"
    first = client.get(url)
    validators = {"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]}
    repeat = client.get(url, headers=validators)
    assert repeat.status_code == 304 and repeat.content == b""
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        section = release.sections.first()
        section.body = "<p>Korrigierter Text</p>"
        section.save()
        release.save()  # a correction saves the release (updated_at moves)
        changed = client.get(url, headers=validators)
    assert changed.status_code == 200
    assert b"Korrigierter Text" in changed.content


def test_withdrawal_moves_last_modified(client, release):
    other = PressReleaseFactory(published=True, published_at=timezone.now() - datetime.timedelta(days=3))
    first = client.get("/pressemeldungen/feed/rss/")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1)):
        release.status = Status.WITHDRAWN
        release.save()
        response = client.get("/pressemeldungen/feed/rss/", headers={"If-Modified-Since": first["Last-Modified"]})
    assert response.status_code == 200
    assert release.title.encode() not in response.content and other.title.encode() in response.content


def test_max_age_ends_before_a_scheduled_release_goes_live(client, release):
    now = timezone.now()
    PressReleaseFactory(published=True, published_at=now + datetime.timedelta(seconds=90))
    with time_machine.travel(now, tick=False):
        assert next_public_change(now) == now + datetime.timedelta(seconds=90)
        for url in urls_of(release):
            assert get_max_age(client.get(url)) == 90, url


def test_scheduled_release_changes_the_validators_when_it_goes_live(client, release):
    at = timezone.now() + datetime.timedelta(minutes=10)
    PressReleaseFactory(published=True, published_at=at, title="Geplante Meldung")
    first = client.get("/pressemeldungen/")
    assert b"Geplante Meldung" not in first.content
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        again = client.get(
            "/pressemeldungen/",
            headers={"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]},
        )
        assert again.status_code == 200 and b"Geplante Meldung" in again.content
        assert parse_http_date(again["Last-Modified"]) == int(at.timestamp())


def test_other_rules_can_add_a_moment_of_change(release):
    now = timezone.now()
    soon = now + datetime.timedelta(seconds=30)

    source = ChangeSource(annotations=lambda at: {}, upcoming=lambda values, at: soon, passed=lambda values, at: None)
    register_change_source(source)
    try:
        assert next_public_change(now) == soon
    finally:
        unregister_change_source(source)
    assert next_public_change(now) is None


def test_staff_pages_and_errors_get_no_public_cache_headers(client, editor_client):
    assert "public" not in client.get("/pressemeldungen/gibt-es-nicht/").get("Cache-Control", "")
    admin = editor_client.get("/admin/")
    assert "public" not in admin.get("Cache-Control", "")
    assert "ETag" not in admin


@pytest.mark.parametrize("edit", ["person", "topic", "photo", "quote"])
def test_edits_beside_the_release_move_last_modified(client, release, edit):
    url = release.get_absolute_url()
    first = client.get(url)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3)):
        if edit == "person":
            person = release.quotes.first().person
            person.name = "Neuer Name"
            person.save()
        elif edit == "topic":
            topic = release.topics.first()
            topic.name = "Neues Thema"
            topic.save()
        elif edit == "photo":
            photo = release.hero_photo
            photo.credit = "Neue Agentur"
            photo.save()
        else:
            quote = release.quotes.first()
            quote.text = "Neuer Satz"
            quote.save()
        response = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert response.status_code == 200
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(first["Last-Modified"])


def test_visitors_with_a_session_get_private_revalidated_pages(editor_client, release):
    response = editor_client.get("/pressemeldungen/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert editor_client.get("/pressemeldungen/", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_edits_move_last_modified_only_for_releases_the_public_saw(release):
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        PressReleaseFactory(title="Entwurf")  # a draft: nothing public changed
        assert public_last_modified() < start
    with time_machine.travel(start + datetime.timedelta(minutes=10), tick=False):
        release.title = "Berichtigter Titel"
        release.save()
        assert public_last_modified() == timezone.now()


def test_a_new_database_gets_its_content_clock_without_invalidating_caches(release, settings):
    from django.core.cache import cache

    from newsroom.models import ContentChange
    from newsroom.pagecache.generation import GENERATION_KEY

    ContentChange.objects.all().delete()
    token = cache.get(GENERATION_KEY)
    assert token is not None
    assert public_last_modified() >= release.published_at
    assert ContentChange.objects.count() == 1
    assert cache.get(GENERATION_KEY) == token
