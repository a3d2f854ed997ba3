"""Old addresses of public releases keep working: a slug changed after publication
answers 301 to the new one, the way ``django.contrib.redirects`` falls back on 404."""

from django.db.models.signals import pre_save
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone


def _was_public(release):
    from .models import Status

    return release.status in (Status.PUBLISHED, Status.WITHDRAWN) and release.published_at and (
        release.published_at <= timezone.now()
    )


def record_old_slug(sender, instance, raw=False, **kwargs):
    """Before a release is saved with a new slug, keep the slug it was public under."""
    from .models import PressRelease, ReleaseSlugHistory

    if raw or instance.pk is None:
        return
    before = PressRelease.objects.filter(pk=instance.pk).only("slug", "status", "published_at").first()
    if before is None or before.slug == instance.slug:
        return
    # Taking back an old slug makes it live again, not a redirect.
    ReleaseSlugHistory.objects.filter(slug=instance.slug).delete()
    if _was_public(before):
        ReleaseSlugHistory.objects.update_or_create(slug=before.slug, defaults={"release_id": instance.pk})


def connect():
    from .models import PressRelease

    pre_save.connect(record_old_slug, sender=PressRelease, dispatch_uid="record_old_slug")


class SlugRedirectFallbackMiddleware:
    """On a 404 for a release address, look the slug up among old slugs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if response.status_code != 404 or match is None or match.view_name != "newsroom:detail":
            return response
        target = self.new_address(match.kwargs.get("slug", ""))
        return HttpResponsePermanentRedirect(target) if target else response

    @staticmethod
    def new_address(slug):
        from .models import PressRelease, ReleaseSlugHistory, Status

        old = ReleaseSlugHistory.objects.filter(slug=slug).select_related("release").first()
        if old is None:
            return ""
        release = old.release
        is_public = PressRelease.objects.published().filter(pk=release.pk).exists()
        # A withdrawn release keeps its address too; the new one answers with its notice.
        if is_public or release.status == Status.WITHDRAWN:
            return release.get_absolute_url()
        return ""
