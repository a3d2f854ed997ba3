"""Shared helpers of the workflow tests: releases in each state, made through the real workflow."""

import datetime

from django.utils import timezone

from newsroom import publishing, roles
from newsroom.models import PressRelease, WorkflowEvent

from .conftest import staff_user
from .factories import PressReleaseFactory, SectionFactory

STATES = ["draft", "review", "published", "scheduled", "withdrawn"]


def second_officer():
    return staff_user("zweite-freigabe", roles.PRESS_OFFICERS)


def release_in(state, *, author, officer, **fields):
    """A release in ``state`` whose history is real: submitted by ``author``, decided by ``officer``."""
    release = PressReleaseFactory(created_by=author, updated_by=author, **fields)
    SectionFactory(release=release, body="<p>Der ganze Text der Meldung.</p>")
    if state == "draft":
        return release
    publishing.submit(release, by=author)
    if state == "review":
        return release
    at = timezone.now() + datetime.timedelta(days=1) if state == "scheduled" else None
    publishing.publish(release, by=officer, at=at)
    if state == "withdrawn":
        publishing.withdraw(release, by=officer, reason="Die Veranstaltung fällt aus.")
    return release


def transition_url(release, action):
    return f"/admin/newsroom/pressrelease/{release.pk}/workflow/{action}/"


def change_url(release):
    return f"/admin/newsroom/pressrelease/{release.pk}/change/"


def fingerprint(release):
    """Everything a refused transition must leave as it was."""
    row = PressRelease.objects.get(pk=release.pk)
    events = WorkflowEvent.objects.filter(release=release).count()
    return (row.status, row.published_at, row.number, row.updated_at, events)
