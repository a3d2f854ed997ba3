"""The editorial workflow in the admin: transition buttons, preview, share links, revisions.

Buttons only lead to these views; every view re-checks permission and state on
the server through ``newsroom.publishing`` and ``newsroom.revisions``, so a
forged POST by the wrong role or in the wrong state is refused and changes nothing.
"""

import datetime
from dataclasses import dataclass, field

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import publishing, revisions
from .compare import compare
from .models import ShareLink, Status, WorkflowEvent
from .notifications import quoted
from .preview import preview_response
from .publishing import PublishingError
from .workflow_forms import ReleaseEditGuardForm, ShareLinkForm, TransitionForm


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


class ReleasePartInlineMixin:
    """Sections, quotes and photos are as editable as their release."""

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and release_is_editable(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and release_is_editable(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and release_is_editable(request.user, obj)


class WorkflowAdminMixin:
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
            messages.success(request, _("Done: %(step)s.") % {"step": TRANSITIONS["submit"].label})
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

    # URLs ---------------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        name = "newsroom_pressrelease_"
        return [
            path("<path:object_id>/workflow/<slug:action>/", wrap(self.transition_view), name=name + "transition"),
            path("<path:object_id>/preview/", wrap(self.preview_view), name=name + "preview"),
            path("<path:object_id>/revisions/", wrap(self.revisions_view), name=name + "revisions"),
            path(
                "<path:object_id>/revisions/<int:version_id>/restore/", wrap(self.restore_view), name=name + "restore"
            ),
            path("<path:object_id>/share/", wrap(self.share_view), name=name + "share"),
            path("<path:object_id>/share/<int:link_id>/revoke/", wrap(self.revoke_view), name=name + "revoke"),
            path("deleted/", wrap(self.deleted_view), name=name + "deleted"),
            path("deleted/<int:version_id>/recover/", wrap(self.recover_view), name=name + "recover"),
            *super().get_urls(),
        ]

    def _release_or_404(self, request, object_id):
        release = self.get_object(request, object_id)
        if release is None:
            raise Http404(_("No such press release."))
        if not self.has_view_permission(request, release):
            raise PermissionDenied
        return release

    def _change_url(self, release):
        return reverse("admin:newsroom_pressrelease_change", args=[release.pk])

    def _render(self, request, template, release, title, **context):
        return TemplateResponse(request, template, {
            **self.admin_site.each_context(request), "opts": self.opts, "original": release, "title": title,
            **context,
        })

    # Views ----------------------------------------------------------------------------------

    def transition_view(self, request, object_id, action):
        transition = TRANSITIONS.get(action)
        if transition is None:
            raise Http404(_("No such step."))
        release = self._release_or_404(request, object_id)
        required = action == "force-publish" and publishing.force_needs_reason() or action in ("return", "withdraw")
        form = TransitionForm(
            request.POST if request.method == "POST" else None,
            fields=transition.fields, comment_label=transition.comment_label,
            comment_help=transition.comment_help, comment_required=required,
        )
        if request.method == "POST" and form.is_valid():
            asked_for = form.cleaned_data.get("publish_at")
            try:
                transition.run(release, request.user, form.cleaned_data)
            except PublishingError as error:
                messages.error(request, str(error))
            else:
                self._announce(request, action, release, asked_for)
                return redirect(self._change_url(release))
        possible = release.status in transition.states
        conflicts = publishing.four_eyes_conflicts(release, request.user) if possible and "publish" in action else []
        return self._render(
            request, "admin/newsroom/pressrelease/workflow_transition.html", release, transition.label,
            form=form, action=action, conflicts=conflicts, possible=possible,
        )

    def _announce(self, request, action, release, asked_for):
        if action not in ("publish", "force-publish"):
            messages.success(request, _("Done: %(step)s.") % {"step": TRANSITIONS[action].label})
            return
        if release.published_at > timezone.now():
            messages.success(request, _("Scheduled: the release goes public on %(time)s.") % {
                "time": publishing.when(release.published_at)})
            return
        if asked_for is not None:
            messages.warning(request, _("The time you gave (%(time)s) has passed, so the release was published now.")
                             % {"time": publishing.when(asked_for)})
        messages.success(request, _("Published as %(number)s.") % {"number": release.release_number})

    def preview_view(self, request, object_id):
        release = self._release_or_404(request, object_id)
        return preview_response(request, release, banner=_("Preview: this is how the page will look."))

    @staticmethod
    def _post_only(request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return None

    def share_view(self, request, object_id):
        release = self._release_or_404(request, object_id)
        if refused := self._post_only(request):
            return refused
        form = ShareLinkForm(request.POST)
        if not request.user.has_perm(publishing.PUBLISH_PERMISSION):
            messages.error(request, _("Only press officers may create share links."))
        elif not form.is_valid():
            messages.error(request, _("Give a number of days between 1 and 30."))
        else:
            link = ShareLink.objects.create(
                release=release, created_by=request.user, note=form.cleaned_data["note"],
                expires_at=timezone.now() + datetime.timedelta(days=form.cleaned_data["days"]),
            )
            url = request.build_absolute_uri(link.get_absolute_url())
            messages.success(request, _("Share link created: %(url)s") % {"url": url})
        return redirect(self._change_url(release))

    def revoke_view(self, request, object_id, link_id):
        release = self._release_or_404(request, object_id)
        if refused := self._post_only(request):
            return refused
        link = get_object_or_404(ShareLink, pk=link_id, release=release)
        if not request.user.has_perm(publishing.PUBLISH_PERMISSION):
            messages.error(request, _("Only press officers may revoke share links."))
        elif link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
            messages.success(request, _("The share link was revoked; it no longer opens the release."))
        return redirect(self._change_url(release))

    def revisions_view(self, request, object_id):
        release = self._release_or_404(request, object_id)
        versions = list(revisions.release_versions(release))
        for version in versions:
            version.state_label = Status(version.field_dict["status"]).label
        by_id = {str(version.pk): version for version in versions}
        rows = None
        older, newer = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        if older and newer:
            if older.revision.date_created > newer.revision.date_created:
                older, newer = newer, older
            rows = compare(older.revision, newer.revision, release.pk)
        return self._render(
            request, "admin/newsroom/pressrelease/workflow_revisions.html", release,
            _("Revisions of %(title)s") % {"title": quoted(release.title)},
            versions=versions, rows=rows, older=older, newer=newer,
            may_restore=self.has_change_permission(request, release),
        )

    def restore_view(self, request, object_id, version_id):
        release = self._release_or_404(request, object_id)
        if refused := self._post_only(request):
            return refused
        version = get_object_or_404(revisions.release_versions(release), pk=version_id)
        try:
            _release, missing = revisions.restore(release, version, by=request.user)
        except PublishingError as error:
            messages.error(request, str(error))
            return redirect(reverse("admin:newsroom_pressrelease_revisions", args=[release.pk]))
        messages.success(request, _("The revision of %(when)s was restored.") % {
            "when": publishing.when(version.revision.date_created)})
        if missing:
            messages.warning(request, _("Could not be restored: %(items)s.") % {"items": "; ".join(missing)})
        return redirect(self._change_url(release))

    def deleted_view(self, request):
        if not request.user.has_perm(publishing.PUBLISH_PERMISSION):
            raise PermissionDenied
        return self._render(
            request, "admin/newsroom/pressrelease/workflow_deleted.html", None, _("Deleted press releases"),
            versions=revisions.deleted_releases(),
        )

    def recover_view(self, request, version_id):
        if refused := self._post_only(request):
            return refused
        version = get_object_or_404(revisions.deleted_releases(), pk=version_id)
        try:
            release, missing = revisions.recover(version, by=request.user)
        except PublishingError as error:
            messages.error(request, str(error))
            return redirect(reverse("admin:newsroom_pressrelease_deleted"))
        messages.success(request, _("%(title)s was recovered as a draft.") % {"title": quoted(release.title)})
        if missing:
            messages.warning(request, _("Could not be restored: %(items)s.") % {"items": "; ".join(missing)})
        return redirect(self._change_url(release))


