"""When public output changes, for HTTP validators and cache lifetimes.

Public pages and feeds change for two reasons: someone saves something, or the
clock passes a time set in advance (a scheduled release goes live; other rules,
e.g. an expiring consent, add their own times). ``next_public_change(now)`` is the
one answer to "when does public output next change by itself"; HTTP max-age and
every cache in front of the site must not outlive it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Subquery
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

@dataclass(frozen=True)
class ChangeSource:
    """Something that changes public output at set times, without anyone saving (e.g. a
    photo's consent that starts or ends). Registered with ``register_change_source``."""

    # now -> {name: scalar subquery}: read in the one freshness query.
    annotations: Callable
    # (values, now) -> the next such moment after now, or None: bounds cache lifetimes.
    upcoming: Callable
    # (values, now) -> the latest such moment up to now, or None: moves Last-Modified,
    # so a client asking "modified since?" is not told "no" after such a change.
    passed: Callable


_change_sources = []


def register_change_source(source):
    if source not in _change_sources:
        _change_sources.append(source)


def unregister_change_source(source):
    _change_sources.remove(source)


def read_with_clock(**annotations):
    """The content clock and ``annotations`` (scalar subqueries), in one query.

    The clock is ``ContentChange``'s single row; a new database gets it on first use,
    without signals (creating the clock is no content change to invalidate caches for),
    and a concurrent request creating it too is no error.
    """
    from .models import ContentChange

    row = ContentChange.objects.filter(pk=1).values("changed_at", **annotations).first()
    if row is None:
        ContentChange.objects.bulk_create([ContentChange(pk=1, changed_at=timezone.now())], ignore_conflicts=True)
        row = ContentChange.objects.filter(pk=1).values("changed_at", **annotations).first()
    return row


def release_times(now):
    """When public output last changed, the next scheduled publication, and the values
    the change sources asked for: one query of index lookups, whatever the archive size.

    "Last changed" is the latest of the content clock (``record_content_change``: every
    save of a release that is or was public, and of what pages show beside releases),
    the publication time of the newest public release (it may have gone live by the
    clock alone) and what the change sources say has passed.
    """
    from .models import PressRelease

    releases = PressRelease.objects
    annotations = {
        "newest_publication": Subquery(releases.published(now).newest_first().values("published_at")[:1]),
        "next_publication": Subquery(releases.scheduled(now).order_by("published_at").values("published_at")[:1]),
    }
    for source in _change_sources:
        annotations.update(source.annotations(now))
    values = read_with_clock(**annotations)
    changes = [values.pop("changed_at"), values["newest_publication"]]
    changes += [source.passed(values, now) for source in _change_sources]
    values["last_modified"] = max((moment for moment in changes if moment is not None), default=None)
    return values


def _earliest_after(now, moments):
    return min((moment for moment in moments if moment is not None and moment > now), default=None)


def next_public_change(now=None):
    """The earliest future moment at which public output changes by itself, or None."""
    now = now or timezone.now()
    return public_freshness(now)[1]


def public_last_modified(now=None):
    """When public output last changed by an edit, a publication or a withdrawal."""
    return release_times(now or timezone.now())["last_modified"]


def public_freshness(now):
    """(last modified, next change by itself) for ``now``, with one database query."""
    times = release_times(now)
    upcoming = [times["next_publication"], *(source.upcoming(times, now) for source in _change_sources)]
    return times["last_modified"], _earliest_after(now, upcoming)


def remembered_freshness(now):
    """``public_freshness(now)``, kept like an archive-wide count (``pagination.remembered``):
    every write starts a new cache generation and the kept answer ends at the next change it
    names, so it is as exact as asking the database, at a cache read per response instead of
    a query. Without the count cache (``NEWSROOM_COUNT_CACHE`` off) it asks every time."""
    from .pagination import remembered  # pagination bounds what it keeps with this module

    return remembered("freshness", lambda: public_freshness(now))


def max_age(now, upcoming):
    """Seconds a public response may be reused: the configured lifetime, cut short
    by the next change the clock brings."""
    seconds = settings.NEWSROOM_PUBLIC_MAX_AGE
    if upcoming is not None:
        seconds = min(seconds, max(0, int((upcoming - now) / datetime.timedelta(seconds=1))))
    return seconds


def record_content_change(sender, **kwargs):
    """Move ``Last-Modified`` of public output: something shown on public pages changed."""
    from .models import ContentChange

    if kwargs.get("raw"):
        return
    ContentChange.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})


def record_release_change(sender, instance, **kwargs):
    """A release that is or was public changed (an edit, a withdrawal, a deletion).

    Drafts never seen by the public leave the clock alone.
    """
    if instance.published_at is not None:
        record_content_change(sender, **kwargs)


def connect():
    """People, topics, photos and the parts of a release change pages without saving
    the release itself; each such write moves the content clock. A consent that
    runs out changes pages by itself: it is a change source."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from . import consent

    register_change_source(consent.CONSENT_DATES)

    from .models import Person, Photo, PhotoPerson, PressRelease, Quote, ReleasePhoto, Section, Topic, WorkflowEvent

    # WorkflowEvent: a public change note appears on the page and in the feeds.
    for model in (Person, Topic, Photo, PhotoPerson, Section, Quote, ReleasePhoto, WorkflowEvent):
        post_save.connect(record_content_change, sender=model, dispatch_uid=f"content_change_save_{model.__name__}")
        post_delete.connect(record_content_change, sender=model, dispatch_uid=f"content_change_delete_{model.__name__}")
    post_save.connect(record_release_change, sender=PressRelease, dispatch_uid="content_change_save_release")
    post_delete.connect(record_release_change, sender=PressRelease, dispatch_uid="content_change_delete_release")
    for through in (PressRelease.topics.through, PressRelease.named_people.through):
        m2m_changed.connect(record_content_change, sender=through, dispatch_uid=f"content_change_m2m_{through.__name__}")


def is_public_response(request, response):
    match = request.resolver_match
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and match is not None
        and match.namespace == "newsroom"
        # A view that decided itself (staff preview: never_cache) keeps its decision.
        and not response.has_header("Cache-Control")
        and not response.cookies
    )


class PublicCacheMiddleware:
    """Cache-Control and Last-Modified for every public page and feed.

    Sits below ``ConditionalGetMiddleware`` in MIDDLEWARE, which then adds an ETag
    from the content and answers 304 to a repeated request with either validator.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_public_response(request, response):
            return response
        now = timezone.now()
        last_modified, upcoming = remembered_freshness(now)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Staff (or anyone with a session): never stored by a shared cache, always
            # revalidated, so an editor sees a release the moment it is published and a
            # view that forgot never_cache cannot leak a preview into a front cache.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=max_age(now, upcoming))
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        return response
