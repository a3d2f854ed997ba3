"""The audit trail of a release's workflow, and share links for reviewers without an account."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease, Status


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submitted for review")
    RETURN = "return", _("Returned to the author")
    PUBLISH = "publish", _("Published")
    SCHEDULE = "schedule", _("Scheduled")
    UNSCHEDULE = "unschedule", _("Schedule cancelled")
    CORRECT = "correct", _("Corrected")
    WITHDRAW = "withdraw", _("Withdrawn")
    RESTORE = "restore", _("Older revision restored")
    RECOVER = "recover", _("Deleted release recovered")


class WorkflowEventQuerySet(models.QuerySet):
    def public_change_notes(self):
        """Corrections whose note the public reads on the page, oldest first."""
        return self.filter(action=Action.CORRECT, is_public=True).order_by("created_at", "pk")


class WorkflowEvent(models.Model):
    """One entry of the audit trail: who did what to a release, when, from which state to which.

    Entries are written only by ``newsroom.publishing`` and never edited: the press
    office must always be able to say who published what and when.
    """

    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="workflow_events", verbose_name=_("press release")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    # Kept as text too, so the trail still names someone whose account was deleted.
    actor_name = models.CharField(_("by (name)"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    comment = models.TextField(_("comment or reason"), blank=True)
    is_public = models.BooleanField(_("shown to the public"), default=False)
    is_forced = models.BooleanField(_("four-eyes rule overridden"), default=False)
    publication_time = models.DateTimeField(_("publication time"), null=True, blank=True)

    objects = WorkflowEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["release", "action", "-created_at"], name="workflow_event_release_idx")]

    def __str__(self):
        return f"{self.get_action_display()} ({self.actor_name})"


def with_last_public_change(releases):
    """Annotate ``last_public_change``: the time of the newest public change note, or None."""
    notes = WorkflowEvent.objects.filter(release=models.OuterRef("pk")).public_change_notes().order_by("-created_at")
    return releases.annotate(last_public_change=models.Subquery(notes.values("created_at")[:1]))


def share_link_signer():
    return signing.Signer(salt="newsroom.share-link")


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ShareLink(models.Model):
    """A signed address that lets someone without an account read the current text of a release.

    The address carries the link's id signed with the site's key, so it cannot be
    guessed or changed; the row decides whether it still works (expiry, revocation).
    """

    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="share_links", verbose_name=_("press release")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    note = models.CharField(
        _("for whom"), max_length=200, blank=True, help_text=_("E.g. the person quoted who should check the text.")
    )

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.note or str(self.release)

    @property
    def token(self):
        return share_link_signer().sign(str(self.pk))

    def get_absolute_url(self):
        return reverse("newsroom:share", kwargs={"token": self.token})

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
