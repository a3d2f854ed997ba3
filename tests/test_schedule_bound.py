import datetime

import pytest
from django.utils import timezone

from newsroom.freshness import next_public_change
from newsroom.models import Status

from .factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def scheduled(at, status=Status.PUBLISHED, number=None):
    return PressReleaseFactory(status=status, published_at=at, number=number or at.minute + 1, number_year=2026)


def test_nothing_scheduled_means_no_change_by_time_alone():
    PressReleaseFactory(published=True)
    assert next_public_change(timezone.now()) is None


def test_the_earliest_future_publication_is_the_next_change():
    now = timezone.now().replace(second=0, microsecond=0)
    scheduled(now + datetime.timedelta(hours=3), number=1)
    soonest = scheduled(now + datetime.timedelta(minutes=10), number=2)
    PressReleaseFactory(published=True)  # already public
    PressReleaseFactory(status=Status.DRAFT, published_at=now + datetime.timedelta(minutes=1))
    scheduled(now + datetime.timedelta(minutes=2), status=Status.WITHDRAWN, number=3)
    assert next_public_change(now) == soonest.published_at
    assert next_public_change(soonest.published_at) == now + datetime.timedelta(hours=3)


def test_a_consent_ending_before_the_next_publication_comes_first():
    from newsroom.consent import next_consent_expiry

    from .factories import PhotoPersonFactory

    now = timezone.now()
    scheduled(now + datetime.timedelta(days=30), number=1)
    PhotoPersonFactory(consent_until=timezone.localdate(now) + datetime.timedelta(days=2))
    expiry = next_consent_expiry(now)
    assert expiry is not None and expiry < now + datetime.timedelta(days=30)
    assert next_public_change(now) == expiry
