"""Pagination whose cost does not grow with the archive.

Django's ``Paginator`` counts all rows on every request and fetches a page with
``OFFSET``, which reads (and joins) every skipped row: at 100,000 releases page
5,000 costs a hundred times page 1. ``ArchivePaginator`` keeps two things in the
cache, valid for the current page cache generation and until the next scheduled
publication (so they are exact, like the cached pages):

- the count, so "page 3 of 9,000" costs no ``COUNT(*)``;
- a page index: the ordering key of each page's first row, read for 500 pages
  at a time with one index-only scan. A page is then a keyset query ("the next
  ten rows from this key on"), as cheap on page 5,000 as on page 1.

Without the cache (``NEWSROOM_COUNT_CACHE`` off) a page still selects its
primary keys first, an index-only scan, before fetching only those rows with
their joins. List views mix in ``ArchivePaginationMixin``.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property

from .pagecache import generation, lifetime

KEY = "newsroom:pages:"
PAGES_PER_CHUNK = 500


def ordering_of(queryset):
    """[(field, descending), …] of an explicitly ordered queryset."""
    order = queryset.query.order_by or queryset.model._meta.ordering
    pk_name = queryset.model._meta.pk.name
    return [(pk_name if name.lstrip("-") == "pk" else name.lstrip("-"), name.startswith("-")) for name in order]


def keyset_ordering(queryset):
    """The ordering, if a keyset can follow it: plain columns of the model, ending in the primary key.

    Lists ordered by an annotation (a search rank) or by an expression are paged by key-first
    OFFSET instead. The columns must hold no NULL in the list, as in every public list
    (``published()`` requires a publication time).
    """
    if not all(isinstance(name, str) for name in (queryset.query.order_by or queryset.model._meta.ordering)):
        return None
    ordering = ordering_of(queryset)
    names = {field.name for field in queryset.model._meta.concrete_fields if not field.is_relation}
    if not ordering or ordering[-1][0] != queryset.model._meta.pk.name:
        return None
    return ordering if all(field in names for field, _descending in ordering) else None


def from_key_on(ordering, key, *, inclusive=True):
    """Rows at (unless not ``inclusive``) or after ``key`` in ``ordering``: a lexicographic
    comparison, index friendly."""
    condition = Q()
    for index in range(len(ordering) - 1, -1, -1):
        field, descending = ordering[index]
        before = "lt" if descending else "gt"
        if index == len(ordering) - 1:
            condition = Q(**{f"{field}__{before}{'e' if inclusive else ''}": key[index]})
        else:
            condition = Q(**{f"{field}__{before}": key[index]}) | (Q(**{field: key[index]}) & condition)
    # The first field's bound on its own lets the index start at the key.
    first, descending = ordering[0]
    return Q(**{f"{first}__{'lte' if descending else 'gte'}": key[0]}) & condition


def remembered(name, compute):
    """``compute()``, kept in the cache for this generation and until the next
    scheduled change: an archive-wide figure (a count) stays exact, yet costs its
    query once per write, not once per request. Off with ``NEWSROOM_COUNT_CACHE``."""
    if not settings.NEWSROOM_COUNT_CACHE:
        return compute()
    token = generation.ensure(cache.get(generation.GENERATION_KEY))
    key = f"{KEY}{token}:{name}"
    stored = cache.get(key)
    if stored is not None and stored[1] > time.time():
        return stored[0]
    # Bound before computing: a release due meanwhile must end the value's life.
    expires = lifetime.valid_until(token)
    value = compute()
    cache.set(key, (value, expires), timeout=max(1, int(expires - time.time())))
    return value


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def is_cached(self):
        return bool(self.count_key and settings.NEWSROOM_COUNT_CACHE)

    def remembered(self, name, compute):
        return remembered(f"{self.count_key}:{name}", compute)

    @cached_property
    def count(self):
        if not self.is_cached:
            return super().count
        return self.remembered("count", lambda: super(ArchivePaginator, self).count)

    @cached_property
    def ordering(self):
        return keyset_ordering(self.object_list)

    def page_keys(self, chunk):
        """The ordering key of the first row of each page in ``chunk``."""
        fields = [field for field, _descending in self.ordering]
        start = chunk * PAGES_PER_CHUNK * self.per_page
        rows = self.object_list.values_list(*fields)[start:start + PAGES_PER_CHUNK * self.per_page]
        return list(rows[:: self.per_page]) if rows else []

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.is_cached and self.ordering:
            chunk, offset = divmod(number - 1, PAGES_PER_CHUNK)
            keys = self.remembered(f"keys:{chunk}", lambda: self.page_keys(chunk))
            if offset < len(keys) and None not in keys[offset]:
                rows = self.object_list.filter(from_key_on(self.ordering, keys[offset]))[: top - bottom]
                return self._get_page(rows, number, self)
        primary_keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=primary_keys), number, self)


class ArchivePaginationMixin:
    """For a ``ListView``: the archive paginator, its cache kept per URL without the page number."""

    paginator_class = ArchivePaginator

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        # Kept apart for requests with a session, in case a list ever shows staff more.
        audience = "session" if settings.SESSION_COOKIE_NAME in self.request.COOKIES else "public"
        signature = f"{audience}:{self.request.path}?{query.urlencode()}"
        return self.paginator_class(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page,
            count_key=hashlib.sha256(signature.encode()).hexdigest(), **kwargs,
        )
