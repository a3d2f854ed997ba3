"""How long a cached page or count stays valid: until the next scheduled change.

``next_public_change`` costs a query, so its answer is kept per generation (a
write may schedule a new release) and read again once the moment has passed.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from ..freshness import next_public_change

KEY = "newsroom:pagecache:next-change:"


def valid_until(token):
    """Unix time until which output cached under ``token`` stays true."""
    now = time.time()
    limit = now + settings.NEWSROOM_PAGE_CACHE_SECONDS
    stored = cache.get(KEY + token)
    if stored is None or (stored[0] is not None and stored[0] <= now):
        upcoming = next_public_change(timezone.now())
        stored = (upcoming.timestamp() if upcoming else None,)
        cache.set(KEY + token, stored, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    return limit if stored[0] is None else min(limit, stored[0])
