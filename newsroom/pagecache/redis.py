"""Django's RedisCache, with one redis-py client per connection pool instead of one per call.

redis-py fills a table of some 170 response callbacks in every ``Redis()``
constructor, and Django's ``RedisCacheClient.get_client()`` builds a new client
for every cache operation: that was about half the CPU of a page cache hit
(profile in docs/performance.md). A client is safe to share between threads;
it takes a connection from the pool for each command.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
