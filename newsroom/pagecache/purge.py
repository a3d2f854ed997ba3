"""Tell the front cache (a reverse proxy or a CDN) that public pages changed.

Off unless ``NEWSROOM_PURGE_BACKEND`` names a backend class. A backend has one
duty, ``purge_all()``, because the application cache is invalidated site-wide
too (see ``generation``); ``VarnishBan`` implements it with one HTTP ``BAN`` per
configured front cache address, which ``deploy/varnish/newsroom.vcl`` accepts
from trusted addresses only. A CDN backend subclasses ``PurgeBackend`` and calls
the CDN's purge API instead.
"""

import logging
import urllib.request
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class PurgeBackend:
    def purge_all(self):
        raise NotImplementedError


class VarnishBan(PurgeBackend):
    """``BAN /`` with the public host to each address in ``NEWSROOM_PURGE_URLS``."""

    timeout = 2

    def __init__(self, urls=None, host=None):
        self.urls = settings.NEWSROOM_PURGE_URLS if urls is None else urls
        self.host = host or urlsplit(settings.SITE_URL).netloc

    def purge_all(self):
        for url in self.urls:
            request = urllib.request.Request(url.rstrip("/") + "/", method="BAN", headers={"Host": self.host})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
            except OSError:
                # A front cache that is down holds nothing stale once it is back
                # (it starts empty); the application cache is already fresh.
                logger.exception("Could not purge the front cache at %s", url)


@cache
def backend():
    path = settings.NEWSROOM_PURGE_BACKEND
    return import_string(path)() if path else None


def purge_all():
    if (active := backend()) is not None:
        active.purge_all()


def forget_backend(setting, **kwargs):
    if setting.startswith("NEWSROOM_PURGE") or setting == "SITE_URL":
        backend.cache_clear()


setting_changed.connect(forget_backend, dispatch_uid="newsroom.pagecache.purge")
