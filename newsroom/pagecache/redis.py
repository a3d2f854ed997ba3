"""Django's RedisCache, made to serve a public site from.

One redis-py client per connection pool instead of one per call: redis-py fills a
table of some 170 response callbacks in every ``Redis()`` constructor, and
Django's ``RedisCacheClient.get_client()`` builds a new client for every cache
operation: that was about half the CPU of a page cache hit (profile in
docs/performance.md). A client is safe to share between threads; it takes a
connection from the pool for each command.

A cache server that cannot be reached is a cache that misses. Everything kept
in it (pages, counts, validators, the generation token) is derived from the
database, so without it the site renders from there, at the cold tier's cost,
instead of answering every public page with a 500 and failing every staff save.
After a failure the server is left alone for ``retry_seconds``: one that drops
packets then costs one connect timeout per interval (``OPTIONS`` in settings
bound it), not one per call. A write it missed is owed (``generation``).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import InvalidResponse
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Refused, timed out, or something that does not speak Redis answering at its address.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, InvalidResponse)


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class RedisCache(DjangoRedisCache):
    retry_seconds = 5

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._unreachable_until = 0.0

    def _or_else(self, fallback, operation, *args, **kwargs):
        """``operation(*args, **kwargs)``, or ``fallback`` while the server cannot be reached."""
        if time.monotonic() < self._unreachable_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable_until = time.monotonic() + self.retry_seconds
            logger.warning("The cache server cannot be reached (%s); pages are rendered without it for %s s.",
                           error, self.retry_seconds)
            return fallback

    def get(self, key, default=None, version=None):
        return self._or_else(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or_else({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or_else(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_else(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_else(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_else(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or_else(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or_else(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._or_else(None, super().delete_many, keys, version)

    def clear(self):
        return self._or_else(False, super().clear)
