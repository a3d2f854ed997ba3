"""System check: the page cache must sit before sessions and authentication.

Placed after them, a cache hit would still load the session (a query for
staff) and the middleware could not tell staff from the public before the
view ran. Django's own checks speak English to developers; so does this one.
"""

from django.conf import settings
from django.core.checks import Error, register

MIDDLEWARE = "newsroom.pagecache.middleware.PageCacheMiddleware"
MUST_FOLLOW = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]


@register()
def page_cache_middleware_order(app_configs, **kwargs):
    if MIDDLEWARE not in settings.MIDDLEWARE:
        return []
    position = settings.MIDDLEWARE.index(MIDDLEWARE)
    misplaced = [name for name in MUST_FOLLOW if name in settings.MIDDLEWARE[:position]]
    return [
        Error(
            f"{MIDDLEWARE} must come before {name} in MIDDLEWARE.",
            hint="Place it right after WhiteNoiseMiddleware (README, Performance).",
            id="newsroom.E801",
        )
        for name in misplaced
    ]
