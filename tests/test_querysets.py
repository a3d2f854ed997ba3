import datetime

import pytest
from django.utils import timezone

from newsroom.models import PressRelease, Status

from .factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC)


def make(status, published_at=None, **kwargs):
    number = {"number": PressRelease.objects.count() + 1, "number_year": 2026} if published_at else {}
    return PressReleaseFactory(status=status, published_at=published_at, **number, **kwargs)


@pytest.fixture
def releases():
    return {
        "draft": make(Status.DRAFT),
        "review": make(Status.REVIEW),
        "past": make(Status.PUBLISHED, NOON - datetime.timedelta(minutes=1)),
        "exactly_now": make(Status.PUBLISHED, NOON),
        "scheduled": make(Status.PUBLISHED, NOON + datetime.timedelta(minutes=1)),
        "withdrawn": make(Status.WITHDRAWN, NOON - datetime.timedelta(days=1)),
    }


def test_published_at_a_given_time(releases):
    public = set(PressRelease.objects.published(now=NOON))
    assert public == {releases["past"], releases["exactly_now"]}


def test_scheduled_release_becomes_public_when_its_time_passes(releases):
    later = NOON + datetime.timedelta(minutes=1)
    assert releases["scheduled"] in PressRelease.objects.published(now=later)
    assert set(PressRelease.objects.scheduled(now=NOON)) == {releases["scheduled"]}


def test_published_defaults_to_the_python_clock(releases, time_machine):
    time_machine.move_to(NOON + datetime.timedelta(hours=1), tick=False)
    assert releases["scheduled"] in PressRelease.objects.published()
    time_machine.move_to(NOON - datetime.timedelta(hours=1), tick=False)
    assert releases["past"] not in PressRelease.objects.published()


def test_drafts(releases):
    assert list(PressRelease.objects.drafts()) == [releases["draft"]]


def test_newest_first(releases):
    assert list(PressRelease.objects.published(now=timezone.now()).newest_first()) == [
        releases["scheduled"], releases["exactly_now"], releases["past"],
    ]
