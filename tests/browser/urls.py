"""The site as the browser tests see it: the real URLs, plus media files (served
by the web server in production, by Django in demo mode) and one known-bad page
that proves each checker can fail."""

from pathlib import Path

from csp.decorators import csp_exempt
from django.conf import settings
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

BAD_PAGE_PATH = "/test-only/known-bad-page/"
SERVER_ERROR_PATH = "/test-only/server-error/"


@csp_exempt()
def known_bad_page(request):
    # Exempt from the CSP: its inline style carries flaws the layout and keyboard checks must find.
    return HttpResponse((Path(__file__).parent / "known_bad_page.html").read_text())


def server_error(request):
    raise RuntimeError("a server error, on purpose: the 500 page is checked like the others")


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path(BAD_PAGE_PATH.lstrip("/"), known_bad_page),
    path(SERVER_ERROR_PATH.lstrip("/"), server_error),
    *site_urlpatterns,
]
