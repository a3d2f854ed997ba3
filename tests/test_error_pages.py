"""German error pages that give nothing away (DEBUG is off in the tests)."""

import pytest
from django.test import Client

from .conftest import login
from .factories import PressReleaseFactory
from .hostile import active_parts

pytestmark = pytest.mark.django_db

INTERNALS = ["Traceback", "Django", "DEBUG", "settings", "postgres", "geheim", "csrf", "CSRF", "Referer",
             "ALLOWED_HOSTS", "evil.example", "RuntimeError", "/work/", ".py"]


def assert_safe_german_page(response, status, heading, *, public=True):
    assert response.status_code == status
    page = response.content.decode()
    assert heading in page and 'lang="de"' in page
    for word in INTERNALS:
        assert word not in page, word
    assert not active_parts(page), "error pages obey the strict CSP too"
    if public:
        assert "unsafe-inline" not in response["Content-Security-Policy"]
    else:  # below /admin/: the admin's policy
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_404(client):
    assert_safe_german_page(client.get("/pressemeldungen/gibt-es-nicht/"), 404, "Seite nicht gefunden")


def test_400_for_a_foreign_host(client):
    assert_safe_german_page(client.get("/pressemeldungen/", HTTP_HOST="evil.example"), 400, "Ungültige Anfrage")


def test_403_for_a_forbidden_admin_page(client, editor):
    release = PressReleaseFactory()
    response = login(client, editor).get(f"/admin/newsroom/pressrelease/{release.pk}/delete/")
    assert_safe_german_page(response, 403, "Zugriff verweigert", public=False)


def test_403_for_a_missing_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/account/login/", {"auth-username": "x", "auth-password": "y"})
    assert_safe_german_page(response, 403, "Formular abgelaufen", public=False)


def test_500(settings):
    settings.ROOT_URLCONF = "tests.urls_errors"
    client = Client(raise_request_exception=False)
    assert_safe_german_page(client.get("/kaputt/"), 500, "Ein Fehler ist aufgetreten")
