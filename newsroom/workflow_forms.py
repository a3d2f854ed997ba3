"""Forms of the editorial workflow: the transitions' inputs and the edit guard on the release form."""

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import PressRelease, Status
from .publishing import display_name


def edit_token(release):
    """What the form remembers of the release as it was opened: its last save, to the microsecond."""
    return release.updated_at.isoformat() if release and release.updated_at else ""


class ReleaseEditGuardForm(forms.ModelForm):
    """The release form with a guard against silent overwrites and, when published, a change note.

    Every save of a release through the admin saves the release row itself, so its
    ``updated_at`` moves also when only a section, quote or photo changed. A form
    opened before that moment is refused, and the admin shows it again with the
    user's input.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    change_note = forms.CharField(
        label=_("change note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for every change to a published release: what was changed and why."),
    )
    change_note_is_public = forms.BooleanField(
        label=_("show the change note on the public page"), required=False,
        help_text=_("For corrections of content readers relied on. Internal notes appear only in the audit trail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "edit_token" in self.fields:
            self.fields["edit_token"].initial = edit_token(self.instance if self.instance.pk else None)

    @property
    def is_correction(self):
        return bool(self.instance.pk) and self.instance.status == Status.PUBLISHED

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_not_saved_meanwhile(cleaned.get("edit_token", ""))
        if self.is_correction and "change_note" in self.fields and not (cleaned.get("change_note") or "").strip():
            self.add_error("change_note", _("A change to a published release needs a change note."))
        return cleaned

    def _check_not_saved_meanwhile(self, token):
        # The admin runs clean() and the save in one transaction; the row lock keeps a
        # second save from slipping in between the check and the write (PostgreSQL).
        locked = PressRelease.objects.select_for_update(of=("self",)).select_related("updated_by")
        current = locked.get(pk=self.instance.pk)
        if token == edit_token(current):
            return
        moment = timezone.localtime(current.updated_at)
        raise forms.ValidationError(
            _("%(name)s saved this release on %(date)s at %(time)s, after you opened it. Your changes were NOT "
              "saved; your input is still in the form below. Open the release in a new tab to see the other "
              "changes, carry yours over there and save again."),
            params={
                "name": display_name(current.updated_by) or _("someone else"),
                "date": formats.date_format(moment, "SHORT_DATE_FORMAT"),
                "time": formats.time_format(moment, "TIME_FORMAT"),
            },
            code="saved_meanwhile",
        )


class TransitionForm(forms.Form):
    """Inputs of one transition; which fields appear depends on the transition."""

    publish_at = forms.DateTimeField(
        label=_("publication time"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"],
        help_text=_("Leave empty to publish now. A time in the past also means now."),
    )
    comment = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, fields=(), comment_label=None, comment_help="", comment_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]
        if "comment" in self.fields:
            self.fields["comment"].label = comment_label or self.fields["comment"].label
            self.fields["comment"].help_text = comment_help
            self.fields["comment"].required = comment_required


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("valid for (days)"), min_value=1, max_value=30,
        initial=lambda: getattr(settings, "NEWSROOM_SHARE_LINK_DAYS", 7),
    )
    note = forms.CharField(label=_("for whom"), max_length=200, required=False)
