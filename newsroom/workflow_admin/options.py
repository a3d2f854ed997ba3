"""The release admin's workflow behaviour: permissions by state, revisions on save, change notes."""

import reversion
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import publishing
from ..models import Status, WorkflowEvent
from ..publishing import PublishingError
from ..workflow_forms import ReleaseEditGuardForm, ShareLinkForm
from .transitions import done_message, offered_transitions, release_is_editable
from .views import WorkflowViewsMixin


class ReleasePartInlineMixin:
    """Sections, quotes and photos are as editable as their release."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and release_is_editable(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and release_is_editable(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and release_is_editable(request.user, obj)


class WorkflowAdminMixin(WorkflowViewsMixin):
    form = ReleaseEditGuardForm
    change_form_template = "admin/newsroom/pressrelease/workflow_change_form.html"
    change_list_template = "admin/newsroom/pressrelease/workflow_change_list.html"

    # Permissions follow the state ---------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and release_is_editable(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Published and withdrawn releases keep their audit trail: withdraw instead of deleting.
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.status in (Status.DRAFT, Status.REVIEW))

    def get_list_display(self, request):
        return ["workflow_state" if name == "status" else name for name in super().get_list_display(request)]

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_state(self, release):
        if release.status == Status.PUBLISHED and release.published_at > timezone.now():
            return _("Scheduled for %(time)s") % {"time": publishing.when(release.published_at)}
        return release.get_status_display()

    def get_actions(self, request):
        # No bulk delete: it would bypass the per-release state check and the revision below.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        # A revision of the release as it is now, so it can be recovered even if it was never saved here.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Deleted"))
            reversion.add_to_revision(obj)
        super().delete_model(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": list(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        # The edit guard's hidden token is a declared form field, rendered by the template.
        if obj is not None and self.has_change_permission(request, obj):
            if obj.status == Status.PUBLISHED:
                fieldsets.insert(0, (_("Change note"), {"fields": ["change_note", "change_note_is_public"]}))
        return fieldsets

    # Saving: one revision per save, the change note of a correction -------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Saved in the admin"))
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        release = form.instance
        if change and form.is_correction:
            publishing.correct(
                release, by=request.user, note=form.cleaned_data["change_note"],
                is_public=form.cleaned_data["change_note_is_public"],
            )
        # The revision holds the release as it is after its parts and topics were saved.
        reversion.add_to_revision(release)

    def add_view(self, request, form_url="", extra_context=None):
        context = {**(extra_context or {}), "may_save_and_submit": True}
        return super().add_view(request, form_url, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        release = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if release is not None:
            context.update(self.workflow_context(request, release))
        return super().change_view(request, object_id, form_url, context)

    def response_add(self, request, obj, post_url_continue=None):
        if "_save_and_submit" in request.POST:
            return self._submit_after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_save_and_submit" in request.POST:
            return self._submit_after_save(request, obj)
        return super().response_change(request, obj)

    def _submit_after_save(self, request, release):
        """The "save and submit" button: nothing typed is lost on the way to review."""
        messages.success(request, _("The release was saved."))
        try:
            publishing.submit(release, by=request.user)
        except PublishingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done_message("submit"))
        return redirect(self._change_url(release))

    def workflow_context(self, request, release):
        user = request.user
        conflicts = publishing.four_eyes_conflicts(release, user) if release.status == Status.REVIEW else []
        return {
            "workflow_transitions": offered_transitions(release, user),
            "workflow_events": WorkflowEvent.objects.filter(release=release).select_related("actor"),
            "four_eyes_conflicts": conflicts if user.has_perm(publishing.PUBLISH_PERMISSION) else [],
            "share_links": release.share_links.select_related("created_by"),
            "may_share": user.has_perm(publishing.PUBLISH_PERMISSION),
            "share_form": ShareLinkForm(),
            "is_scheduled": release.status == Status.PUBLISHED and release.published_at > timezone.now(),
            "now": timezone.now(),
            "may_save_and_submit": release.status == Status.DRAFT and self.has_change_permission(request, release),
        }
