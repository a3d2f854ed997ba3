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


def new_token():
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def bump():
    """Make every stored page stale; returns the new token."""
    token = new_token()
    cache.set(GENERATION_KEY, token, timeout=None)
    return token


def ensure(token):
    """The current token, given what a read returned (None when evicted or never set)."""
    if token is not None:
        return token
    cache.add(GENERATION_KEY, new_token(), timeout=None)
    return cache.get(GENERATION_KEY)
