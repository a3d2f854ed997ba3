"""A real cache backend for the page cache tests: local memory and Redis."""

import os

import pytest
import redis
from django.core.cache import cache

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/8"

BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsroom-pagecache-tests"},
    "redis": {"BACKEND": "newsroom.pagecache.redis.RedisCache", "LOCATION": REDIS_URL},
}


def redis_is_up():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=sorted(BACKENDS))
def page_cache(request, settings):
    """The page cache tier switched on, over each real backend in turn."""
    if request.param == "redis" and not redis_is_up():
        # CI (.ci/run) starts Redis; there a missing server is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings.CACHES = {"default": BACKENDS[request.param]}
    settings.NEWSROOM_PAGE_CACHE = True
    cache.clear()
    yield cache
    cache.clear()


def served_from_cache(client, url, django_assert_num_queries, **headers):
    """Fetch ``url`` twice: the second answer must come from the cache, with no query."""
    first = client.get(url, **headers)
    with django_assert_num_queries(0):
        second = client.get(url, **headers)
    assert second.status_code == first.status_code
    assert second.content == first.content
    return second
