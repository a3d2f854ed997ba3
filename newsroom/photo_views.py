"""The press-photo download for journalists: the cleaned, full-size file as an attachment."""

import logging

from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .consent import photo_is_public
from .imaging import ACCEPTED_FORMATS
from .models import Photo, PressRelease

logger = logging.getLogger(__name__)

CONTENT_TYPES = {extension: content_type for extension, content_type in ACCEPTED_FORMATS.values()}


def photo_download(request, slug, pk):
    """Serve a photo of a public release while its consents hold; 404 otherwise.

    The stored original is already upright and free of metadata (newsroom.imaging).
    It is sent as an attachment with a fixed image type, so a browser never renders
    it as a page.
    """
    now = timezone.now()
    release = get_object_or_404(PressRelease.objects.published(now=now).only("pk", "slug"), slug=slug)
    in_release = Q(hero_of=release) | Q(placements__release=release)
    photo = get_object_or_404(Photo.objects.filter(in_release).prefetch_related("shown").distinct(), pk=pk)
    content_type = CONTENT_TYPES.get(photo.extension)
    if content_type is None or not photo_is_public(photo, now):
        raise Http404
    try:
        stored = photo.image.open("rb")
    except OSError:
        # The record outlived its file (a lost volume, a partial restore): nothing to send.
        logger.error("Photo %s: its file %s is missing from the storage.", photo.pk, photo.image.name)
        raise Http404 from None
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=f"pressefoto-{release.slug}-{photo.pk}.{photo.extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
