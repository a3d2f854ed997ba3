"""The archive paginator gives exactly Django's pages, however it finds them."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from newsroom.models import PressRelease
from django.db.models import F, Value

from newsroom.pagination import PAGES_PER_CHUNK, ArchivePaginator, from_key_on, keyset_ordering, ordering_of

from .factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    moment = timezone.now() - datetime.timedelta(days=1)
    for number in range(25):
        # Ties on the publication time: the primary key must break them the same way.
        PressReleaseFactory(published=True, published_at=moment - datetime.timedelta(hours=number // 3))
    return PressRelease.objects.published().for_list()


def titles(page):
    return [release.title for release in page]


@pytest.mark.parametrize("cached", [False, True], ids=["key-first", "page-index"])
@pytest.mark.parametrize("per_page", [1, 4, 10])
def test_every_page_matches_djangos(settings, archive, cached, per_page):
    settings.NEWSROOM_COUNT_CACHE = cached
    expected = Paginator(archive, per_page)
    paginator = ArchivePaginator(archive, per_page, count_key="test")
    assert paginator.count == expected.count == 25
    for number in expected.page_range:
        assert titles(paginator.page(number)) == titles(expected.page(number)), number


def test_a_cached_page_index_costs_one_query_per_page(settings, archive, django_assert_num_queries):
    settings.NEWSROOM_COUNT_CACHE = True
    ArchivePaginator(archive, 4, count_key="test").page(5).object_list[0]
    with django_assert_num_queries(1):
        assert len(ArchivePaginator(archive, 4, count_key="test").page(6)) == 4


def test_the_page_index_is_read_in_chunks(settings, archive, monkeypatch):
    settings.NEWSROOM_COUNT_CACHE = True
    monkeypatch.setattr("newsroom.pagination.PAGES_PER_CHUNK", 2)
    expected = Paginator(archive, 3)
    for number in expected.page_range:
        assert titles(ArchivePaginator(archive, 3, count_key="chunks").page(number)) == titles(expected.page(number))
    assert PAGES_PER_CHUNK == 500


def test_key_condition_is_lexicographic():
    ordering = ordering_of(PressRelease.objects.newest_first())
    assert ordering == [("published_at", True), ("id", True)]
    condition = str(from_key_on(ordering, ("T", 7)))
    assert "published_at__lte" in condition and "published_at__lt" in condition and "id__lte" in condition


def test_lists_ordered_by_an_annotation_are_paged_by_offset(settings, archive):
    settings.NEWSROOM_COUNT_CACHE = True
    ranked = archive.annotate(rank=Value(1)).order_by("-rank", "-published_at", "-pk")
    assert keyset_ordering(ranked) is None
    assert keyset_ordering(archive.order_by(F("published_at").desc(), "-pk")) is None
    assert keyset_ordering(archive.order_by("-published_at")) is None  # no tie breaker
    assert keyset_ordering(archive) == [("published_at", True), ("id", True)]
    expected = Paginator(ranked, 4)
    for number in expected.page_range:
        assert titles(ArchivePaginator(ranked, 4, count_key="ranked").page(number)) == titles(expected.page(number))
