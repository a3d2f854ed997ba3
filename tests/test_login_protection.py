"""Brute-force lock-out, password policy, session expiry, logout on password change."""

import datetime

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory

from newsroom.security.client_ip import client_ip

from .conftest import login

pytestmark = pytest.mark.django_db

PASSWORD = "Ein-langes-Passwort-2026"
LOGIN_URL = "/admin/account/login/"


@pytest.fixture
def writer(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(
        LOGIN_URL,
        {"login_view-current_step": "auth", "auth-username": username, "auth-password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_user_with_a_german_page(writer, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, writer.username, "falsch").status_code == 200
    assert attempt(client, writer.username, "falsch").status_code == 429
    response = attempt(client, writer.username, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page and "15 Minuten" in page
    assert writer.username not in page
    assert client.get("/admin/").status_code == 302


def test_lock_holds_for_the_user_from_another_address(writer, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), writer.username, "falsch", address=f"198.51.100.{number}")
    assert attempt(Client(), writer.username, PASSWORD, address="203.0.113.7").status_code == 429


def test_lock_holds_for_the_address_with_other_user_names(writer, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), f"niemand{number}", "falsch", address="198.51.100.99")
    assert attempt(Client(), writer.username, PASSWORD, address="198.51.100.99").status_code == 429
    assert attempt(Client(), writer.username, PASSWORD, address="198.51.100.100").status_code == 302


def test_lock_ends_after_the_cool_off(writer, settings):
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(Client(), writer.username, "falsch")
        assert attempt(Client(), writer.username, PASSWORD).status_code == 429
        clock.shift(settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1))
        assert attempt(Client(), writer.username, PASSWORD).status_code == 302


def test_client_address_behind_our_proxy(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.44")
    settings.NEWSROOM_BEHIND_PROXY = False
    assert client_ip(request) == "127.0.0.1"
    settings.NEWSROOM_BEHIND_PROXY = True
    assert client_ip(request) == "192.0.2.44"


@pytest.mark.parametrize(
    ("password", "message"),
    [("kurz-2026", "mindestens 12 Zeichen"), ("password1234", "zu üblich"), ("123456789012345", "numerisch")],
)
def test_weak_passwords_are_refused_in_german(password, message):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert message in " ".join(error.value.messages)


def test_staff_session_expires_after_inactivity(writer, settings):
    client = Client()
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False) as clock:
        login(client, writer)
        clock.shift(settings.SESSION_COOKIE_AGE - 60)
        assert client.get("/admin/").status_code == 200  # activity renews the session
        clock.shift(settings.SESSION_COOKIE_AGE - 60)
        assert client.get("/admin/").status_code == 200
        clock.shift(settings.SESSION_COOKIE_AGE + 1)
        assert client.get("/admin/").status_code == 302


def test_password_change_logs_out_every_other_session(writer):
    here, elsewhere = login(Client(), writer), login(Client(), writer)
    new_password = "Ein-anderes-langes-Passwort-2027"
    response = here.post("/admin/password_change/", {
        "old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    assert here.get("/admin/").status_code == 200, "the session that changed it stays"
    assert elsewhere.get("/admin/").status_code == 302, "every other session ends"


def test_staff_cookies_are_secure_httponly_and_samesite(writer):
    client = Client()
    response = attempt(client, writer.username, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    csrf = client.get(LOGIN_URL).cookies.get("csrftoken") or client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
