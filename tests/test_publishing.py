"""The publishing functions on their own: state, four eyes, numbers, the checks hook."""

import datetime

import pytest
from django.utils import timezone

from newsroom import publishing
from newsroom.models import Action, PressRelease, Status, WorkflowEvent

from .workflow_helpers import release_in, second_officer

pytestmark = pytest.mark.django_db


def test_two_clicks_on_publish_publish_once(editor, press_officer):
    release = release_in("review", author=editor, officer=None)
    first_tab, second_tab = PressRelease.objects.get(pk=release.pk), PressRelease.objects.get(pk=release.pk)
    publishing.publish(first_tab, by=press_officer)
    with pytest.raises(publishing.PublishingError, match="kann nicht veröffentlicht werden"):
        publishing.publish(second_tab, by=press_officer)
    assert WorkflowEvent.objects.filter(release=release, action=Action.PUBLISH).count() == 1


def test_number_is_assigned_once_and_kept_through_a_cancelled_schedule(editor, press_officer):
    release = release_in("review", author=editor, officer=None)
    publishing.publish(release, by=press_officer, at=timezone.now() + datetime.timedelta(days=1))
    number = release.release_number
    assert number.startswith("PM 1/")
    publishing.unschedule(release, by=press_officer)
    assert release.status == Status.REVIEW
    # The officer who took it off the schedule did not edit it: they may publish again.
    assert publishing.four_eyes_conflicts(release, press_officer) == []
    publishing.publish(release, by=press_officer)
    assert release.release_number == number


def test_unschedule_refused_once_public(editor, press_officer):
    release = release_in("published", author=editor, officer=press_officer)
    with pytest.raises(publishing.PublishingError, match="bereits öffentlich"):
        publishing.unschedule(release, by=press_officer)


@pytest.mark.parametrize("force", [False, True])
def test_publication_checks_block_every_publish_path(monkeypatch, editor, press_officer, force):
    release = release_in("review", author=editor, officer=None)
    calls = []

    def problems(checked, *, now):
        calls.append(checked.pk)
        return ["Für das Foto fehlt die Einwilligung."]

    monkeypatch.setattr(publishing, "publication_problems", problems)
    with pytest.raises(publishing.PublishingError, match="Einwilligung"):
        publishing.publish(release, by=press_officer, force=force, reason="Eilt")
    assert calls == [release.pk]
    assert PressRelease.objects.get(pk=release.pk).status == Status.REVIEW


def test_withdraw_a_scheduled_release(editor):
    officer = second_officer()
    release = release_in("scheduled", author=editor, officer=officer)
    publishing.withdraw(release, by=officer, reason="Termin abgesagt.")
    assert release.status == Status.WITHDRAWN
    event = WorkflowEvent.objects.filter(release=release).first()
    assert (event.from_status, event.to_status, event.is_public) == (Status.PUBLISHED, Status.WITHDRAWN, True)


def test_correct_refuses_editors_and_empty_notes(editor, press_officer):
    release = release_in("published", author=editor, officer=second_officer())
    with pytest.raises(publishing.PublishingError, match="Nur die Freigabe"):
        publishing.correct(release, by=editor, note="Tippfehler", is_public=False)
    with pytest.raises(publishing.PublishingError, match="Änderungsvermerk"):
        publishing.correct(release, by=press_officer, note="  ", is_public=True)
    assert not WorkflowEvent.objects.filter(release=release, action=Action.CORRECT).exists()
