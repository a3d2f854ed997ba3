"""One site-wide generation token: a page stored under an older one is stale.

Site-wide rather than per dependency on purpose: a press office writes a few
times a day and reads thousands of times, a release shows on its detail page,
lists, feeds, topic, person, archive and search pages and the sitemap, and a
person or photo on every release that names or shows them. Tracking that graph
exactly per page costs more than re-rendering each page once after a write,
and a missed edge would be a stale public page. One token cannot miss.
"""

import secrets
import time

from django.core.cache import cache

GENERATION_KEY = "newsroom:pagecache:generation"

# A bump the cache did not take (its server could not be reached): this process pays it
# on its next read, so pages stored before a write made during an outage are not served
# once the server answers again.
owed = False


def new_token():
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def bump():
    """Make every stored page stale; returns the new token."""
    global owed
    token = new_token()
    cache.set(GENERATION_KEY, token, timeout=None)
    # Read back: another process may have bumped meanwhile, which only costs one more bump.
    owed = cache.get(GENERATION_KEY) != token
    return token


def ensure(token):
    """The current token, given what a read returned (None when evicted or never set)."""
    if owed:
        return bump()
    if token is not None:
        return token
    cache.add(GENERATION_KEY, new_token(), timeout=None)
    # Without a reachable cache, a token nothing is stored under.
    return cache.get(GENERATION_KEY) or new_token()
