"""The only code that changes a press release's status.

Each function takes the release and the acting user, runs in one transaction,
checks the user's permission and the current state on the server, and raises
``PublishingError`` with a message staff can read.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .checks import publication_problems
from .models import PressRelease, Status

PUBLISH_PERMISSION = "newsroom.publish_pressrelease"


class PublishingError(Exception):
    """A transition that is not allowed; the message is meant for staff."""


def next_release_number(year):
    highest = PressRelease.objects.filter(number_year=year).aggregate(Max("number"))["number__max"]
    return (highest or 0) + 1


@transaction.atomic
def publish(release, *, by, at=None):
    """Publish ``release`` now, or at ``at`` if that lies in the future.

    Guarantees: only users with the publish permission, only from draft or
    review; the release number is assigned at the first publication.
    """
    if not by.has_perm(PUBLISH_PERMISSION):
        raise PublishingError(_("You are not allowed to publish press releases."))
    if release.status not in (Status.DRAFT, Status.REVIEW):
        raise PublishingError(
            _("A release in the state “%(status)s” cannot be published.") % {"status": release.get_status_display()}
        )
    now = timezone.now()
    problems = publication_problems(release, now=now)
    if problems:
        raise PublishingError(" ".join(problems))
    release.published_at = at if at and at > now else now
    release.status = Status.PUBLISHED
    release.updated_by = by
    if release.number is None:
        year = timezone.localtime(release.published_at).year
        release.number, release.number_year = next_release_number(year), year
    try:
        with transaction.atomic():
            release.save(update_fields=["published_at", "status", "updated_by", "number", "number_year", "updated_at"])
    except IntegrityError as error:
        # Another release took the same number at the same moment (unique constraint).
        raise PublishingError(_("The release number was just taken; please publish again.")) from error
    return release
