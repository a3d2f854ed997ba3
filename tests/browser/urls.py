"""The site as the browser tests see it: the real URLs, plus media files (served
by the web server in production, by Django in demo mode) and one known-bad page
that proves each checker can fail."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

BAD_PAGE_PATH = "/test-only/known-bad-page/"


def known_bad_page(request):
    return HttpResponse((Path(__file__).parent / "known_bad_page.html").read_text())


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path(BAD_PAGE_PATH.lstrip("/"), known_bad_page),
    *site_urlpatterns,
]
