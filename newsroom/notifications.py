"""E-mails of the editorial workflow, each linking to the release in the admin.

Mails go out after the transition is committed: a mail server that is down must
not undo a publication, and a rolled-back transition must not announce itself.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def quoted(title):
    """A title in German quotation marks, unless it already carries them (as headlines often do)."""
    title = title.strip()
    return title if title[:1] in "„\"«»‚" else f"„{title}“"


def on_commit(notify, release, event):
    transaction.on_commit(lambda: notify(release, event))


def admin_url(release):
    return settings.SITE_URL + reverse("admin:newsroom_pressrelease_change", args=[release.pk])


def press_officers():
    """Active users who may publish, with an address: the group, direct grants, superusers."""
    publish = Q(codename="publish_pressrelease", content_type__app_label="newsroom")
    permission_q = Q(groups__permissions__in=_permissions(publish)) | Q(user_permissions__in=_permissions(publish))
    users = get_user_model().objects.filter(permission_q | Q(is_superuser=True), is_active=True).exclude(email="")
    return users.distinct().order_by("pk")


def _permissions(condition):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(condition)


def _send(subject, body, recipients):
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        # The transition stands; staff see it in the admin even without the mail.
        logger.exception("Workflow mail %r could not be sent", subject)


def _author_address(release):
    """The author, and whoever handed the release over if that was someone else."""
    from .models import Action

    submission = release.workflow_events.filter(action=Action.SUBMIT).select_related("actor").first()
    people = [release.created_by, submission.actor if submission else None]
    return [person.email for person in people if person and person.is_active]


def submitted(release, event):
    subject = _("For approval: %(title)s") % {"title": release.title}
    body = _("%(name)s has submitted the press release %(title)s for approval.\n\nReview it here: %(url)s\n") % {
        "name": event.actor_name, "title": quoted(release.title), "url": admin_url(release),
    }
    others = [user.email for user in press_officers() if user.pk != event.actor_id]
    _send(subject, body, others)


def returned(release, event):
    subject = _("Returned: %(title)s") % {"title": release.title}
    body = _("%(name)s has returned the press release %(title)s to you:\n\n%(comment)s\n\nEdit it here: %(url)s\n") % {
        "name": event.actor_name, "title": quoted(release.title), "comment": event.comment, "url": admin_url(release),
    }
    _send(subject, body, _author_address(release))


def published(release, event):
    moment = timezone.localtime(event.publication_time)
    if event.publication_time > event.created_at:
        subject = _("Scheduled: %(title)s") % {"title": release.title}
        text = _("%(name)s has scheduled the press release %(title)s for publication on %(date)s at %(time)s.")
    else:
        subject = _("Published: %(title)s") % {"title": release.title}
        text = _("%(name)s has published the press release %(title)s on %(date)s at %(time)s.")
    body = text % {
        "name": event.actor_name, "title": quoted(release.title),
        "date": formats.date_format(moment, "DATE_FORMAT"), "time": formats.time_format(moment, "TIME_FORMAT"),
    }
    body += "\n\n" + _("See it here: %(url)s") % {"url": admin_url(release)} + "\n"
    _send(subject, body, _author_address(release))
