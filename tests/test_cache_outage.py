"""A cache server that cannot be reached: the public site renders without it, staff saves
succeed, and a write it missed still invalidates once it answers again."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from newsroom.models import PressRelease
from newsroom.pagecache import generation
from newsroom.pagecache.middleware import page_key
from newsroom.pagecache.redis import RedisCache

from .factories import PersonFactory, PhotoFactory
from .pagecache_support import BACKENDS, page_cache, served_from_cache  # noqa: F401 (fixture)
from .test_admin import ADD_URL, errors_of, release_post
from .test_settings import run_django
from .test_views import full_release

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/pressemeldungen/", "/pressemeldungen/feed/rss/", "/pressemeldungen/feed/atom/", "/archiv/",
               "/suche/?q=Jobcenter", "/sitemap.xml", "/robots.txt", "/impressum/"]


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unreachable():
    return {"default": {**BACKENDS["redis"], "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}}


@pytest.fixture
def outage(settings, caplog):
    """The production cache configuration, its server down, every cache tier switched on."""
    settings.CACHES = unreachable()
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_COUNT_CACHE = True
    caplog.set_level(logging.WARNING, logger="newsroom.pagecache.redis")
    return caplog


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "newsroom.pagecache.redis"]


def test_public_pages_render_from_the_database_while_the_cache_is_down(client, outage):
    release = full_release(sections=2)
    release.title = "Jobcenter lädt zur Messe"
    release.save()
    for url in [release.get_absolute_url(), *PUBLIC_URLS]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Last-Modified"], url
    assert "Jobcenter lädt zur Messe" in client.get(release.get_absolute_url()).content.decode()
    assert "Jobcenter lädt zur Messe" in client.get("/pressemeldungen/").content.decode()
    assert cache_warnings(outage), "the outage is logged"


def test_a_staff_save_succeeds_while_the_cache_is_down(editor_client, outage, django_capture_on_commit_callbacks):
    person, photo = PersonFactory(), PhotoFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(ADD_URL, release_post(person, photo))
    assert response.status_code == 302, errors_of(response)
    assert PressRelease.objects.filter(slug="neue-ausbildungsboerse").exists()
    assert generation.owed, "the missed invalidation is remembered"


def test_the_server_is_left_alone_for_a_while_after_a_failure(outage, monkeypatch):
    assert cache.get("eins", "fehlt") == "fehlt"
    assert cache.get_many(["eins", "zwei"]) == {}
    assert cache.add("eins", 1) is False
    cache.set("eins", 1)
    assert len(cache_warnings(outage)) == 1, "one attempt per interval, not one per call"
    monkeypatch.setattr(RedisCache, "retry_seconds", 0)
    cache._unreachable_until = 0.0
    cache.get("eins")
    cache.get("eins")
    assert len(cache_warnings(outage)) == 3


def test_a_server_that_never_answers_costs_one_timeout_not_a_hang():
    """Production settings bound the wait: without them the first read would block for good
    (the child process is stopped after 60 s)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # connections complete, nothing is ever read or answered
        code = ("from django.core.cache import cache; "
                "print(cache.get('eins', 'fehlt'), cache.get('zwei', 'fehlt'), cache.set('drei', 3))")
        result = run_django(code, SECRET_KEY="x" * 50, REDIS_URL=f"redis://127.0.0.1:{silent.getsockname()[1]}/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fehlt", "fehlt", "None"]
    assert "Timeout reading from socket" in result.stderr


@pytest.mark.parametrize("page_cache", ["redis"], indirect=True)
def test_a_write_missed_during_an_outage_invalidates_once_the_cache_is_back(
    client, page_cache, settings, django_assert_num_queries, django_capture_on_commit_callbacks  # noqa: F811
):
    release = full_release()
    release.title = "Vor dem Ausfall"
    release.save()
    url = release.get_absolute_url()
    served_from_cache(client, url, django_assert_num_queries)

    settings.CACHES = unreachable()
    release.title = "Während des Ausfalls geändert"
    with django_capture_on_commit_callbacks(execute=True):
        release.save()
    assert "Während des Ausfalls geändert" in client.get(url).content.decode()

    settings.CACHES = {"default": BACKENDS["redis"]}
    # The page stored before the outage is still there, under the token of before.
    stored = cache.get(page_key(RequestFactory().get(url)))
    assert "Vor dem Ausfall" in stored["content"].decode()
    assert "Während des Ausfalls geändert" in served_from_cache(client, url, django_assert_num_queries).content.decode()
    assert not generation.owed
