"""Uploaded files are served as images or as downloads, never as pages."""

import pytest
from django.test import RequestFactory

from newsroom.security.media import serve_media


@pytest.fixture
def media(settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    files = {
        "foto.jpg": b"\xff\xd8\xff\xe0 jpeg",
        "grafik.png": b"\x89PNG\r\n",
        "angriff.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "angriff.html": b"<script>alert(1)</script>",
        "angriff.jpg.html": b"<script>alert(1)</script>",
        "ohne-endung": b"<script>alert(1)</script>",
    }
    for name, content in files.items():
        (settings.MEDIA_ROOT / name).write_bytes(content)
    return settings.MEDIA_ROOT


def get(path):
    return serve_media(RequestFactory().get(f"/media/{path}"), path)


@pytest.mark.parametrize(("name", "content_type"), [("foto.jpg", "image/jpeg"), ("grafik.png", "image/png")])
def test_images_are_shown_inline(media, name, content_type):
    response = get(name)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["angriff.svg", "angriff.html", "angriff.jpg.html", "ohne-endung"])
def test_everything_else_is_a_download(media, name):
    response = get(name)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src" not in response["Content-Security-Policy"] and "sandbox" in response["Content-Security-Policy"]


def test_no_way_out_of_media_root(media):
    from django.core.exceptions import SuspiciousFileOperation
    from django.http import Http404

    # Django answers SuspiciousFileOperation with the 400 page.
    with pytest.raises((Http404, SuspiciousFileOperation)):
        get("../../etc/passwd")
