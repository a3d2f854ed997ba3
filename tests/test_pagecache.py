"""The application cache tier: hits cost no query, every change shows on the next request."""

import datetime

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Status
from newsroom.pagecache import signals
from newsroom import publishing

from .conftest import login
from .factories import PhotoPersonFactory, PressReleaseFactory, QuoteFactory, SectionFactory, TopicFactory
from .pagecache_support import page_cache, served_from_cache  # noqa: F401 (fixture)
from .test_views import full_release

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LIST = "/pressemeldungen/"
FEED = "/pressemeldungen/feed/rss/"


def text_of(response):
    return response.content.decode()


def feed_titles(response):
    return [entry.title for entry in feedparser.parse(response.content).entries]


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Run a change as the application does: in a transaction, with its commit hooks."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def test_hit_is_served_without_a_query_with_validators_and_shared_cache_control(client, django_assert_num_queries):
    release = full_release(sections=3)
    for url in [LIST, FEED, release.get_absolute_url()]:
        hit = served_from_cache(client, url, django_assert_num_queries)
        assert hit["ETag"] and hit["Last-Modified"]
        directives = {part.strip() for part in hit["Cache-Control"].split(",")}
        assert {"public", "max-age=0"} <= directives
        assert any(part.startswith("s-maxage=") and int(part[9:]) > 0 for part in directives)


def test_etag_and_last_modified_answer_304_without_a_query(client, django_assert_num_queries):
    release = full_release()
    url = release.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_etag.status_code == by_date.status_code == 304
    assert not by_etag.content


def test_head_is_served_from_the_cache(client, django_assert_num_queries):
    client.get(LIST)
    with django_assert_num_queries(0):
        assert client.head(LIST).status_code == 200


def test_cached_pages_carry_no_cookie_session_or_csrf_token(client):
    release = full_release()
    for url in [LIST, FEED, release.get_absolute_url()]:
        for response in (client.get(url), client.get(url)):
            assert not response.cookies
            assert "Set-Cookie" not in response
            assert "csrfmiddlewaretoken" not in text_of(response)


def test_publishing_shows_on_list_feed_and_detail(client, change, editor, press_officer, django_assert_num_queries):
    PressReleaseFactory(published=True, title="Schon da")
    release = SectionFactory(release__title="Neu erschienen", release__lead="Vorspann", release__created_by=editor).release
    served_from_cache(client, LIST, django_assert_num_queries)
    served_from_cache(client, FEED, django_assert_num_queries)
    assert client.get(release.get_absolute_url()).status_code == 404
    change(publishing.submit, release, by=editor)
    assert "Neu erschienen" not in text_of(client.get(LIST))  # in review: still not public
    change(publishing.publish, release, by=press_officer)
    assert "Neu erschienen" in text_of(client.get(LIST))
    assert feed_titles(client.get(FEED))[0] == "Neu erschienen"
    assert client.get(release.get_absolute_url()).status_code == 200


def test_editing_a_release_shows_everywhere(client, change, django_assert_num_queries):
    release = full_release()
    for url in [LIST, FEED, release.get_absolute_url()]:
        served_from_cache(client, url, django_assert_num_queries)
    release.title = "Berichtigter Titel"
    change(release.save)
    for url in [LIST, FEED, release.get_absolute_url()]:
        assert "Berichtigter Titel" in text_of(client.get(url)), url


def test_editing_a_section_shows_on_detail_and_feed(client, change, django_assert_num_queries):
    release = full_release()
    section = release.sections.get()
    for url in [FEED, release.get_absolute_url()]:
        served_from_cache(client, url, django_assert_num_queries)
    section.body = "<p>Neuer Absatz</p>"
    change(section.save)
    for url in [FEED, release.get_absolute_url()]:
        assert "Neuer Absatz" in text_of(client.get(url)), url


def test_withdrawing_removes_the_release_from_every_page(client, change, press_officer, django_assert_num_queries):
    PressReleaseFactory(published=True, title="Bleibt")
    release = full_release()
    release.title = "Wird zurückgezogen"
    release.save()
    for url in [LIST, FEED, release.get_absolute_url()]:
        served_from_cache(client, url, django_assert_num_queries)
    change(publishing.withdraw, release, by=press_officer, reason="Der Termin fällt aus.")
    assert "Wird zurückgezogen" not in text_of(client.get(LIST))
    assert feed_titles(client.get(FEED)) == ["Bleibt"]
    gone = served_from_cache(client, release.get_absolute_url(), django_assert_num_queries)
    assert gone.status_code == 410 and "Der Termin fällt aus." in text_of(gone)


def test_editing_a_person_in_the_admin_shows_on_the_release(client, change, press_officer, django_assert_num_queries):
    release = full_release()
    person = release.quotes.get().person
    url = release.get_absolute_url()
    assert person.name in text_of(served_from_cache(client, url, django_assert_num_queries))
    staff = login(client.__class__(), press_officer)
    form = {"name": "Neu Geschrieben", "slug": person.slug, "role": person.role,
            "organisation": person.organisation, "is_public_figure": "on"}
    response = change(staff.post, f"/admin/newsroom/person/{person.pk}/change/", form)
    assert response.status_code == 302
    assert "Neu Geschrieben" in text_of(client.get(url))


def test_editing_a_photo_shows_on_detail_and_feed(client, change, django_assert_num_queries):
    release = full_release()
    photo = release.photo_placements.get().photo
    for url in [FEED, release.get_absolute_url()]:
        served_from_cache(client, url, django_assert_num_queries)
    photo.credit = "Neue Fotografin"
    change(photo.save)
    for url in [FEED, release.get_absolute_url()]:
        assert "Neue Fotografin" in text_of(client.get(url)), url


def test_changing_who_a_photo_shows_shows_on_the_release(client, change, django_assert_num_queries):
    release = full_release()
    photo = release.photo_placements.get().photo
    url = release.get_absolute_url()
    served_from_cache(client, url, django_assert_num_queries)
    change(PhotoPersonFactory, photo=photo, person__name="Dazugekommen", position=9)
    assert "Dazugekommen" in text_of(client.get(url))


def test_editing_a_topic_shows_in_the_feed(client, change, django_assert_num_queries):
    release = full_release()
    topic = TopicFactory(name="Arbeit")
    release.topics.add(topic)
    served_from_cache(client, FEED, django_assert_num_queries)
    topic.name = "Ausbildung"
    change(topic.save)
    assert "Ausbildung" in text_of(client.get(FEED))


def test_adding_a_topic_to_a_release_shows_in_the_feed(client, change, django_assert_num_queries):
    release = full_release()
    served_from_cache(client, FEED, django_assert_num_queries)
    change(release.topics.add, TopicFactory(name="Integration"))
    assert "Integration" in text_of(client.get(FEED))


def test_a_scheduled_release_is_public_on_time_though_pages_were_cached_before(client, django_assert_num_queries):
    ten = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    PressReleaseFactory(published=True, title="Alt", published_at=ten - datetime.timedelta(days=2))
    scheduled = PressReleaseFactory(
        status=Status.PUBLISHED, title="Um zehn", published_at=ten, number=77, number_year=2026
    )
    with time_machine.travel(ten - datetime.timedelta(minutes=1), tick=False):
        for url in [LIST, FEED]:
            hit = served_from_cache(client, url, django_assert_num_queries)
            assert "Um zehn" not in text_of(hit)
            assert "s-maxage=60" in hit["Cache-Control"]
        assert client.get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(ten + datetime.timedelta(seconds=1), tick=False):
        assert "Um zehn" in text_of(client.get(LIST))
        assert feed_titles(client.get(FEED))[0] == "Um zehn"
        assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_staff_never_get_the_cached_page_and_never_fill_the_cache(client, editor, django_assert_num_queries):
    release = full_release()
    url = release.get_absolute_url()
    served_from_cache(client, url, django_assert_num_queries)
    staff = login(client.__class__(), editor)
    staff_page = staff.get(url)
    assert staff_page.status_code == 200
    assert "no-store" in staff_page["Cache-Control"] and "private" in staff_page["Cache-Control"]
    assert "s-maxage" not in staff_page["Cache-Control"]
    # The staff render went to nobody else: a fresh anonymous cache still serves its own page.
    release.title = "Geändert"
    release.save()
    staff.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert "Geändert" in text_of(client.get(url))
    assert queries, "rendered afresh for the public"


def test_a_page_rendered_for_staff_is_not_stored(client, editor, django_assert_num_queries):
    release = full_release()
    staff = login(client.__class__(), editor)
    staff.get(release.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(release.get_absolute_url())
    assert queries, "rendered afresh for the public"


def test_a_transaction_invalidates_and_purges_once_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        release = PressReleaseFactory(published=True)
        for number in range(3):
            QuoteFactory(section=SectionFactory(release=release, position=number + 1))
    assert callbacks == [signals.after_commit]


def test_unknown_pages_and_admin_are_not_cached(client):
    assert client.get("/pressemeldungen/gibt-es-nicht/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/pressemeldungen/gibt-es-nicht/").status_code == 404
    assert queries, "a 404 is looked up afresh: the release may be published any moment"
    assert "ETag" not in client.get("/admin/login/")


@pytest.mark.urls("tests.pagecache_urls")
def test_any_view_under_a_public_prefix_is_cached_and_invalidated(client, change, django_assert_num_queries):
    from .pagecache_urls import RENDERED

    RENDERED.clear()
    topic = TopicFactory(name="Arbeit", slug="arbeit")
    served_from_cache(client, "/themen/arbeit/", django_assert_num_queries)
    assert RENDERED == ["arbeit"]
    topic.name = "Ausbildung"
    change(topic.save)
    assert "Ausbildung" in text_of(client.get("/themen/arbeit/"))


@pytest.mark.urls("tests.pagecache_urls")
@pytest.mark.parametrize("url", ["/impressum/", "/archiv/keks/"])
def test_private_answers_and_answers_with_cookies_are_not_stored(client, url):
    first, second = client.get(url), client.get(url)
    # Not stored: the page cache marks what it stores for shared caches with s-maxage.
    assert "s-maxage" not in first.get("Cache-Control", "")
    assert "s-maxage" not in second.get("Cache-Control", "")


def test_a_public_correction_note_shows_on_the_release(client, change, press_officer, django_assert_num_queries):
    release = full_release()
    url = release.get_absolute_url()
    served_from_cache(client, url, django_assert_num_queries)
    release.lead = "Berichtigter Vorspann."
    change(release.save)
    change(publishing.correct, release, by=press_officer, note="Datum berichtigt.", is_public=True)
    page = text_of(client.get(url))
    assert "Berichtigter Vorspann." in page and "Datum berichtigt." in page


def test_system_check_wants_the_page_cache_before_sessions(settings):
    from django.core.checks import run_checks

    assert not [error for error in run_checks() if error.id == "newsroom.E801"]
    middleware = list(settings.MIDDLEWARE)
    middleware.remove("newsroom.pagecache.middleware.PageCacheMiddleware")
    settings.MIDDLEWARE = [*middleware, "newsroom.pagecache.middleware.PageCacheMiddleware"]
    assert {error.id for error in run_checks()} >= {"newsroom.E801"}


@pytest.mark.parametrize("page_cache", ["redis"], indirect=True)
def test_the_redis_backend_reuses_its_client(page_cache):  # noqa: F811 (fixture)
    from newsroom.pagecache.redis import ReusingRedisCacheClient

    assert isinstance(page_cache._cache, ReusingRedisCacheClient)
    page_cache.set("eins", 1)
    assert page_cache._cache.get_client(write=True) is page_cache._cache.get_client(write=True)
    assert page_cache.get("eins") == 1


def test_editing_a_legal_page_shows_on_it(client, change, django_assert_num_queries):
    from pages.models import Kind, LegalPage

    page = LegalPage.objects.get(kind=Kind.IMPRINT)
    served_from_cache(client, page.get_absolute_url(), django_assert_num_queries)
    page.body = "<h2>Verantwortlich</h2><p>Neue Leitung der Pressestelle</p>"
    change(page.save)
    assert "Neue Leitung der Pressestelle" in text_of(client.get(page.get_absolute_url()))
