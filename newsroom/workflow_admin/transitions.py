"""The workflow's steps as the admin offers them, and who may edit a release in which state."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy

from .. import publishing
from ..models import Action, Status


@dataclass(frozen=True)
class Transition:
    label: str
    run: object
    fields: tuple = ()
    comment_label: str = ""
    comment_help: str = ""
    needs_publish_permission: bool = True
    states: frozenset = field(default_factory=frozenset)


def _publish(release, user, data):
    return publishing.publish(release, by=user, at=data.get("publish_at"))


def _force(release, user, data):
    return publishing.publish(release, by=user, at=data.get("publish_at"), force=True, reason=data.get("comment", ""))


TRANSITIONS = {
    "submit": Transition(
        gettext_lazy("Submit for review"), lambda r, u, d: publishing.submit(r, by=u),
        needs_publish_permission=False, states=frozenset({Status.DRAFT}),
    ),
    "return": Transition(
        gettext_lazy("Return to the author"), lambda r, u, d: publishing.return_to_draft(r, by=u, comment=d["comment"]),
        fields=("comment",), comment_label=gettext_lazy("What needs changing"), states=frozenset({Status.REVIEW}),
    ),
    "publish": Transition(
        gettext_lazy("Approve and publish"), _publish, fields=("publish_at",), states=frozenset({Status.REVIEW}),
    ),
    "force-publish": Transition(
        gettext_lazy("Force publication"), _force, fields=("publish_at", "comment"),
        comment_label=gettext_lazy("Reason for overriding the four-eyes rule"),
        comment_help=gettext_lazy("Recorded in the audit trail."),
        states=frozenset({Status.DRAFT, Status.REVIEW}),
    ),
    "unschedule": Transition(
        gettext_lazy("Cancel the scheduled publication"), lambda r, u, d: publishing.unschedule(r, by=u),
        states=frozenset({Status.PUBLISHED}),
    ),
    "withdraw": Transition(
        gettext_lazy("Withdraw"), lambda r, u, d: publishing.withdraw(r, by=u, reason=d["comment"]),
        fields=("comment",), comment_label=gettext_lazy("Public reason for the withdrawal"),
        comment_help=gettext_lazy("Shown on the release's address instead of the text."),
        states=frozenset({Status.PUBLISHED}),
    ),
}


def offered_transitions(release, user):
    """The buttons to show; the server checks again when one is used."""
    may_publish = user.has_perm(publishing.PUBLISH_PERMISSION)
    scheduled = release.status == Status.PUBLISHED and release.published_at > timezone.now()
    offered = []
    for slug, transition in TRANSITIONS.items():
        if release.status not in transition.states or (transition.needs_publish_permission and not may_publish):
            continue
        if slug == "unschedule" and not scheduled:
            continue
        conflicts = release.status == Status.REVIEW and publishing.four_eyes_conflicts(release, user)
        if (slug == "force-publish" and release.status == Status.REVIEW and not conflicts) or (
            slug == "publish" and conflicts
        ):
            continue
        offered.append((slug, transition.label))
    return offered


def release_is_editable(user, release):
    """Drafts and releases in review: staff who may change; published: press officers; withdrawn: nobody."""
    if release is None or release.status in (Status.DRAFT, Status.REVIEW):
        return True
    return release.status == Status.PUBLISHED and user.has_perm(publishing.PUBLISH_PERMISSION)


# What the success message says after each step (the audit trail's words).
DONE = {"submit": Action.SUBMIT, "return": Action.RETURN, "unschedule": Action.UNSCHEDULE, "withdraw": Action.WITHDRAW}


def done_message(action):
    return f"{DONE[action].label}."
