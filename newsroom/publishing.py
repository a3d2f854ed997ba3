"""The only code that changes a press release's status.

Each function takes the release and the acting user, runs in one transaction,
checks the user's permission and the current state on the server, writes one
entry of the audit trail and one revision, and raises ``PublishingError`` with
a message staff can read. A refused transition changes nothing.

States: draft → review → published → withdrawn, and review → draft when
returned. "Scheduled" is published with a future publication time.
"""

import reversion
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import notifications
from .checks import publication_problems
from .models import Action, PressRelease, Status, WorkflowEvent

PUBLISH_PERMISSION = "newsroom.publish_pressrelease"
CHANGE_PERMISSION = "newsroom.change_pressrelease"


class PublishingError(Exception):
    """A transition that is not allowed; the message is meant for staff."""


def next_release_number(year):
    highest = PressRelease.objects.filter(number_year=year).aggregate(Max("number"))["number__max"]
    return (highest or 0) + 1


def display_name(user):
    return user.get_full_name() or user.get_username() if user else ""


def _require(user, permission, message):
    if not user.has_perm(permission):
        raise PublishingError(message)


def _lock(release, allowed, verb):
    """Re-read the release under a row lock and check its state, so two clicks cannot both pass."""
    current = PressRelease.objects.select_for_update().get(pk=release.pk)
    if current.status not in allowed:
        raise PublishingError(
            _("A release in the state “%(status)s” cannot be %(verb)s.")
            % {"status": current.get_status_display(), "verb": verb}
        )
    # The caller's object follows the database: stale fields must not be written back.
    for field in ("status", "published_at", "number", "number_year", "updated_at", "updated_by_id"):
        setattr(release, field, getattr(current, field))
    return release


def _record(release, *, by, action, from_status, comment="", **extra):
    """Write the audit entry and a revision of the whole release as it is now."""
    release.updated_by = by
    release.save(update_fields=["status", "published_at", "number", "number_year", "updated_by", "updated_at"])
    # The revision is dated before the event: the four-eyes check counts only
    # revisions after a submission as edits, not the transition's own.
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(str(Action(action).label))
        reversion.add_to_revision(release)
    return WorkflowEvent.objects.create(
        release=release, actor=by, actor_name=display_name(by), action=action,
        from_status=from_status, to_status=release.status, comment=comment, **extra,
    )


def last_submission(release):
    return release.workflow_events.filter(action=Action.SUBMIT).order_by("-created_at", "-pk").first()


def four_eyes_conflicts(release, user):
    """Why ``user`` may not publish ``release`` alone; empty when a second pair of eyes is assured.

    Whoever submitted the release, or saved it since it was submitted, has not
    looked at it with fresh eyes (the revisions tell who saved).
    """
    from reversion.models import Version

    if release.status != Status.REVIEW:
        return [_("The release has not been submitted for review.")]
    submission = last_submission(release)
    if submission is None:
        return [_("The release has not been submitted for review.")]
    reasons = []
    if submission.actor_id == user.pk:
        reasons.append(_("You submitted this release yourself."))
    # A scheduled release taken back to review keeps its submission; the
    # revision of that step is not an edit.
    restarts = release.workflow_events.filter(action__in=[Action.SUBMIT, Action.UNSCHEDULE])
    since = restarts.order_by("-created_at").first()
    edited = Version.objects.get_for_object(release).filter(
        revision__date_created__gt=since.created_at, revision__user=user
    )
    if edited.exists() and not reasons:
        reasons.append(_("You edited this release after it was submitted."))
    return reasons


def force_needs_reason():
    return not getattr(settings, "NEWSROOM_FORCE_PUBLISH_WITHOUT_REASON", False)


@transaction.atomic
def submit(release, *, by):
    """Hand a draft over for approval. Guarantees: change permission, only from draft."""
    _require(by, CHANGE_PERMISSION, _("You are not allowed to submit press releases."))
    _lock(release, {Status.DRAFT}, _("submitted for review"))
    release.status = Status.REVIEW
    event = _record(release, by=by, action=Action.SUBMIT, from_status=Status.DRAFT)
    notifications.on_commit(notifications.submitted, release, event)
    return release


@transaction.atomic
def return_to_draft(release, *, by, comment):
    """Send a release in review back to its author; a comment saying why is required."""
    _require(by, PUBLISH_PERMISSION, _("You are not allowed to return press releases."))
    comment = (comment or "").strip()
    if not comment:
        raise PublishingError(_("Say what needs changing: a release is returned only with a comment."))
    _lock(release, {Status.REVIEW}, _("returned"))
    release.status = Status.DRAFT
    event = _record(release, by=by, action=Action.RETURN, from_status=Status.REVIEW, comment=comment)
    notifications.on_commit(notifications.returned, release, event)
    return release


@transaction.atomic
def publish(release, *, by, at=None, force=False, reason=""):
    """Publish ``release`` now, or at ``at`` if that lies in the future.

    Guarantees: only users with the publish permission; only from review, and
    only by someone who neither submitted nor edited it since (four eyes). With
    ``force`` a press officer overrides the four-eyes rule (also from draft), which
    needs a reason unless the office runs without one
    (``NEWSROOM_FORCE_PUBLISH_WITHOUT_REASON``); the override is recorded either
    way. ``publication_problems`` must be empty. The release number is assigned
    at the first publication. A time in the past means now.
    """
    _require(by, PUBLISH_PERMISSION, _("You are not allowed to publish press releases."))
    allowed = {Status.DRAFT, Status.REVIEW} if force else {Status.REVIEW}
    _lock(release, allowed, _("published"))
    from_status = release.status
    conflicts = four_eyes_conflicts(release, by)
    reason = (reason or "").strip()
    if conflicts and not force:
        raise PublishingError(
            " ".join([*conflicts, _("Another press officer must publish it, or force publication with a reason.")])
        )
    if force and force_needs_reason() and not reason:
        raise PublishingError(_("Forcing publication past the four-eyes rule needs a reason."))
    now = timezone.now()
    problems = publication_problems(release, now=now)
    if problems:
        raise PublishingError(" ".join(problems))
    release.published_at = at if at and at > now else now
    release.status = Status.PUBLISHED
    if release.number is None:
        year = timezone.localtime(release.published_at).year
        release.number, release.number_year = next_release_number(year), year
    action = Action.SCHEDULE if release.published_at > now else Action.PUBLISH
    try:
        with transaction.atomic():
            event = _record(
                release, by=by, action=action, from_status=from_status, comment=reason,
                is_forced=bool(force and conflicts), publication_time=release.published_at,
            )
    except IntegrityError as error:
        # Another release took the same number at the same moment (unique constraint).
        raise PublishingError(_("The release number was just taken; please publish again.")) from error
    notifications.on_commit(notifications.published, release, event)
    return release


@transaction.atomic
def unschedule(release, *, by):
    """Take a scheduled release back to review before its time comes."""
    _require(by, PUBLISH_PERMISSION, _("You are not allowed to change the schedule."))
    _lock(release, {Status.PUBLISHED}, _("taken off the schedule"))
    if release.published_at <= timezone.now():
        raise PublishingError(_("The release is already public; withdraw it instead."))
    release.status = Status.REVIEW
    _record(release, by=by, action=Action.UNSCHEDULE, from_status=Status.PUBLISHED)
    return release


@transaction.atomic
def correct(release, *, by, note, is_public):
    """Record the change note of a correction to a published release.

    The admin saves the corrected text in the same transaction and calls this;
    only press officers correct published releases, and never without a note.
    A public note is shown on the page ("Aktualisiert am …") and moves the
    feed's updated date.
    """
    _require(by, PUBLISH_PERMISSION, _("Only press officers may change a published release."))
    note = (note or "").strip()
    if not note:
        raise PublishingError(_("A change to a published release needs a change note."))
    _lock(release, {Status.PUBLISHED}, _("corrected"))
    return _record(release, by=by, action=Action.CORRECT, from_status=Status.PUBLISHED, comment=note,
                   is_public=bool(is_public))


@transaction.atomic
def withdraw(release, *, by, reason):
    """Take a published (or scheduled) release off every list and feed.

    Its address then answers 410 with the title, the dates and ``reason``.
    """
    _require(by, PUBLISH_PERMISSION, _("You are not allowed to withdraw press releases."))
    reason = (reason or "").strip()
    if not reason:
        raise PublishingError(_("A withdrawal needs a public reason."))
    _lock(release, {Status.PUBLISHED}, _("withdrawn"))
    release.status = Status.WITHDRAWN
    _record(release, by=by, action=Action.WITHDRAW, from_status=Status.PUBLISHED, comment=reason, is_public=True)
    return release


def record_restore(release, *, by, action, comment):
    """The audit entry of a restore or recovery (``newsroom.revisions``); the state stays."""
    return _record(release, by=by, action=action, from_status=release.status, comment=comment)


def when(moment):
    """A publication time as staff read it: "25.11.2026, 14:30"."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
