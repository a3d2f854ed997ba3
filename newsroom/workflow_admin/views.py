"""The workflow's own admin pages: transitions, preview, share links, revisions, deleted releases.

Buttons only lead here; every view re-checks permission and state on the server
through ``newsroom.publishing`` and ``newsroom.revisions``, so a forged POST by
the wrong role or in the wrong state is refused and changes nothing.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import publishing, revisions
from ..compare import compare
from ..models import ShareLink, Status
from ..notifications import quoted
from ..preview import preview_response
from ..publishing import PublishingError
from ..security.middleware import public_policy
from ..workflow_forms import ShareLinkForm, TransitionForm
from .transitions import TRANSITIONS, done_message


class WorkflowViewsMixin:
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
            messages.success(request, done_message(action))
            return
        if release.published_at > timezone.now():
            messages.success(request, _("Scheduled: the release goes public on %(time)s.") % {
                "time": publishing.when(release.published_at)})
            return
        if asked_for is not None:
            messages.warning(request, _("The time you gave (%(time)s) has passed, so the release was published now.")
                             % {"time": publishing.when(asked_for)})
        messages.success(request, _("Published as %(number)s.") % {"number": release.release_number})

    @public_policy  # public markup for staff: the public page's strict CSP, not the admin's (#7)
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
