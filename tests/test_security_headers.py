"""Headers every response carries, and the two Content Security Policies."""

import pytest

from .conftest import login
from .factories import PressReleaseFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    release = PressReleaseFactory(published=True)
    SectionFactory(release=release)
    return release


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def public_urls(release):
    return [release.get_absolute_url(), "/pressemeldungen/", "/pressemeldungen/feed/rss/", "/gibt-es-nicht/"]


def test_public_pages_get_the_strict_policy(client, release):
    for url in public_urls(release):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "nonce-" not in policy and "unsafe-eval" not in policy, url
        csp = directives(response)
        assert csp["default-src"] == ["'none'"]
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]


def test_public_pages_are_the_same_for_everyone(client, release):
    """No nonce, no cookie: a cached page is valid for every visitor."""
    first, second = client.get(release.get_absolute_url()), client.get(release.get_absolute_url())
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert first.content == second.content
    assert not first.cookies


def test_security_headers_on_public_and_admin(client, release, editor):
    for response in (client.get(release.get_absolute_url()), login(client, editor).get("/admin/")):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_the_policy_ckeditor_needs(editor_client):
    for url in ("/admin/", "/admin/newsroom/pressrelease/add/", "/admin/account/login/"):
        csp = directives(editor_client.get(url))
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
        assert not any("http" in source for values in csp.values() for source in values), "no third party"


def test_staff_preview_below_admin_gets_the_strict_policy(editor_client, release):
    response = editor_client.get(f"/admin/newsroom/pressrelease/{release.pk}/preview/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == ["'none'"] and csp["script-src"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_hsts_when_configured(client, release, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(release.get_absolute_url(), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_https_redirect_when_configured(client, release, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(release.get_absolute_url())
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_report_uri_from_the_environment(monkeypatch):
    import importlib

    import config.settings

    monkeypatch.setenv("CSP_REPORT_URI", "https://csp.example.de/report")
    try:
        module = importlib.reload(config.settings)
        assert module.CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] == "https://csp.example.de/report"
        assert module.NEWSROOM_ADMIN_CSP["report-uri"] == "https://csp.example.de/report"
    finally:
        monkeypatch.delenv("CSP_REPORT_URI")
        importlib.reload(config.settings)


def test_static_files_leave_out_ckeditors_html_and_carry_the_policy(settings, tmp_path):
    from django.core.management import call_command
    from django.test import Client

    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    collected = [path.relative_to(settings.STATIC_ROOT).as_posix() for path in settings.STATIC_ROOT.rglob("*")]
    assert "ckeditor/ckeditor/ckeditor.js" in collected and "css/site.css" in collected
    assert not [path for path in collected if path.endswith(".html")], "no bundled HTML pages"
    assert not [path for path in collected if "/tests/" in path]

    response = Client().get("/static/css/site.css")  # a new client loads WhiteNoise on this STATIC_ROOT
    assert response.status_code == 200
    assert directives(response)["default-src"] == ["'none'"]


def test_runserver_does_not_find_ckeditors_html_either():
    from django.contrib.staticfiles import finders

    assert finders.find("ckeditor/ckeditor/ckeditor.js")
    assert finders.find("ckeditor/ckeditor/plugins/wsc/dialogs/ciframe.html") is None
    assert finders.find("ckeditor/ckeditor/plugins/preview/preview.html", find_all=True) == []
