"""Pagination whose cost does not grow with the archive.

Django's ``Paginator`` counts all rows on every request and fetches a page with
``OFFSET``, which reads (and joins) every skipped row. ``ArchivePaginator``
instead takes the count from the cache, valid for the current page cache
generation and until the next scheduled publication (so "page 3 of 900" is
exact), and selects a page's primary keys first, which the ordering index
answers with an index-only scan, before fetching only those rows with their
joins. List views mix in ``ArchivePaginationMixin``.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .pagecache import generation, lifetime

COUNT_KEY = "newsroom:count:"


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if not (self.count_key and settings.NEWSROOM_COUNT_CACHE):
            return super().count
        token = generation.ensure(cache.get(generation.GENERATION_KEY))
        key = f"{COUNT_KEY}{token}:{self.count_key}"
        stored = cache.get(key)
        if stored is not None and stored[1] > time.time():
            return stored[0]
        count = super().count
        expires = lifetime.valid_until(token)
        cache.set(key, (count, expires), timeout=max(1, int(expires - time.time())))
        return count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


class ArchivePaginationMixin:
    """For a ``ListView``: the archive paginator, its count cached per URL without the page number."""

    paginator_class = ArchivePaginator

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        signature = f"{self.request.path}?{query.urlencode()}"
        return self.paginator_class(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page,
            count_key=hashlib.sha256(signature.encode()).hexdigest(), **kwargs,
        )
