"""Serve public pages to anonymous visitors from Django's cache.

Placed right after WhiteNoise, before sessions and authentication, so that a hit
costs one cache round trip and no database query. It applies to every public
URL prefix in ``NEWSROOM_PAGE_CACHE_PREFIXES``, whatever view answers there.

- Only anonymous GET/HEAD requests: a request carrying a session cookie or an
  Authorization header (staff) is neither served from nor stored in the cache,
  and its response is marked ``private, no-store`` so no shared cache keeps it.
- Only responses any anonymous visitor may see: status 200 or 410, no cookie
  set, not already private, no ``Vary`` beyond Cookie/Accept-Encoding.
- A stored page is valid while the site-wide generation is unchanged and until
  ``next_public_change(now)``, so a scheduled release appears on time.
- Every served page gets an ``ETag`` and ``Last-Modified`` (answering 304) and a
  ``Cache-Control`` whose ``s-maxage`` a front cache can honour; browsers
  revalidate (``max-age=0``), which the cache answers cheaply.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from . import generation, lifetime

STORED_STATUSES = {200, 410}
HARMLESS_VARY = {"", "cookie", "accept-encoding"}


def is_public_path(path):
    return path.startswith(tuple(settings.NEWSROOM_PAGE_CACHE_PREFIXES))


def is_anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META


def page_key(request):
    # Scheme and host are part of the page: feeds and canonical links are absolute.
    url = request.build_absolute_uri()
    return "newsroom:pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def is_storable(response):
    if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return vary <= HARMLESS_VARY


def entry_for(response, token, expires):
    content = response.content
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())
    return {
        "generation": token,
        "expires": expires,
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() != "cache-control"],
        "content": content,
    }


def response_from(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def shared_cache_control(response, expires):
    remaining = max(0, int(expires - time.time()))
    patch_cache_control(response, public=True, max_age=0, s_maxage=remaining)


def conditional(request, response):
    last_modified = parse_http_date_safe(response["Last-Modified"])
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    ) or response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.NEWSROOM_PAGE_CACHE and request.method in ("GET", "HEAD") and is_public_path(request.path)):
            return self.get_response(request)
        if not is_anonymous(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response
        key = page_key(request)
        found = cache.get_many([generation.GENERATION_KEY, key])
        token = generation.ensure(found.get(generation.GENERATION_KEY))
        entry = found.get(key)
        if entry and entry["generation"] == token and entry["expires"] > time.time():
            response = response_from(entry)
        else:
            # Bound before rendering: a release due while the page renders must end its life.
            expires = lifetime.valid_until(token)
            response = self.get_response(request)
            if not is_storable(response):
                return response
            entry = entry_for(response, token, expires)
            if entry["expires"] > time.time():
                cache.set(key, entry, timeout=int(entry["expires"] - time.time()) + 1)
        shared_cache_control(response, entry["expires"])
        return conditional(request, response)
