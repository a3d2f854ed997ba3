"""Pages that show a release before or after it is public: staff preview, share links, withdrawal.

Previews are never cached anywhere and never indexed: they show text that is
not public (yet). The withdrawal page is public and answers 410 Gone.
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .models import Action, PressRelease, ShareLink, Status, WorkflowEvent
from .models.workflow import share_link_signer


def public_change_notes(release):
    return WorkflowEvent.objects.filter(release=release).public_change_notes()


def preview_response(request, release, *, banner):
    """The public detail page of ``release`` in any state, marked as a preview."""
    release = PressRelease.objects.with_body().get(pk=release.pk)
    response = TemplateResponse(request, "newsroom/pressrelease_preview.html", {
        "pressrelease": release, "object": release, "preview_banner": banner,
        "change_notes": public_change_notes(release),
    })
    add_never_cache_headers(response)  # "private, no-store" and friends
    response["X-Robots-Tag"] = "noindex, nofollow"
    # A share link's address is its secret: links in the text must not pass it on.
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def share_link_view(request, token):
    """Someone without an account reads the current text through a signed, unexpired, unrevoked link."""
    try:
        pk = int(share_link_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        raise Http404(_("This link is not valid.")) from None
    link = get_object_or_404(ShareLink.objects.active(), pk=pk)
    return preview_response(request, link.release, banner=_("Preview for review: this text is not published."))


def withdrawn_response(request, slug):
    """410 Gone for a withdrawn release: title, dates and the public reason, nothing of the text."""
    release = get_object_or_404(PressRelease, slug=slug, status=Status.WITHDRAWN)
    withdrawal = release.workflow_events.filter(action=Action.WITHDRAW).order_by("-created_at", "-pk").first()
    return TemplateResponse(
        request, "newsroom/pressrelease_withdrawn.html", {"release": release, "withdrawal": withdrawal}, status=410,
    )
