"""Uploaded files as Django serves them in demo mode and DEBUG.

Production serves media from the web server with the same rules (README,
"Serving media"): only raster image types are shown inline; anything else,
SVG and HTML included, is a download of type application/octet-stream, so an
uploaded file can never run as a page of this site.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.utils.http import content_disposition_header
from django.views.static import serve

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}
# Even a file shown inline may not run anything or be framed.
MEDIA_CSP = "default-src 'none'; img-src 'self'; sandbox"


def safe_media_headers(response, path):
    content_type, _encoding = mimetypes.guess_type(path)
    inline = content_type in INLINE_TYPES
    if response.status_code == 200:
        response["Content-Type"] = content_type if inline else "application/octet-stream"
        response["Content-Disposition"] = content_disposition_header(not inline, posixpath.basename(path))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return safe_media_headers(response, path)
