"""Staff sign-in with a second factor: set-up, TOTP, backup codes, who needs it."""

from base64 import b32decode

import pytest
import time_machine
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import login

pytestmark = pytest.mark.django_db

PASSWORD = "Ein-langes-Passwort-2026"
LOGIN_URL = "/admin/account/login/"
SETUP_URL = "/admin/account/two_factor/setup/"
BACKUP_URL = "/admin/account/two_factor/backup/tokens/"


@pytest.fixture
def officer(press_officer):
    press_officer.set_password(PASSWORD)
    press_officer.save()
    return press_officer


@pytest.fixture
def writer(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def sign_in_with_password(client, user):
    return client.post(LOGIN_URL, {
        "login_view-current_step": "auth", "auth-username": user.username, "auth-password": PASSWORD})


def totp_now(secret_b32):
    return f"{TOTP(b32decode(secret_b32)).token():06d}"


def set_up_app(client):
    """Walk django-two-factor-auth's set-up wizard; return the secret shown to the user."""
    response = client.post(SETUP_URL, {"setup_view-current_step": "welcome"})
    secret = response.context["secret_key"]
    response = client.post(SETUP_URL, {"setup_view-current_step": "generator", "generator-token": totp_now(secret)})
    assert response.status_code == 302
    return secret


def test_press_officer_must_set_up_a_second_factor_before_the_admin(officer):
    client = Client()
    assert sign_in_with_password(client, officer).status_code == 302
    # Password alone is not enough: the admin sends them to the set-up.
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP_URL)
    assert "Zwei-Faktor" in response.content.decode()

    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False):
        set_up_app(client)
        assert TOTPDevice.objects.get(user=officer).confirmed
        assert client.get("/admin/").status_code == 200

    # Next time: password, then a code from the app.
    fresh = Client()
    with time_machine.travel("2026-11-25 10:05:00+00:00", tick=False):
        response = sign_in_with_password(fresh, officer)
        assert response.status_code == 200 and response.context["wizard"]["steps"].current == "token"
        device = TOTPDevice.objects.get(user=officer)
        token = f"{TOTP(device.bin_key).token():06d}"
        response = fresh.post(LOGIN_URL, {"login_view-current_step": "token", "token-otp_token": token})
        assert response.status_code == 302
        assert fresh.get("/admin/").status_code == 200


def test_wrong_code_gets_a_german_message_and_no_admin(officer):
    client = Client()
    sign_in_with_password(client, officer)
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False):
        set_up_app(client)
    fresh = Client()
    sign_in_with_password(fresh, officer)
    response = fresh.post(LOGIN_URL, {"login_view-current_step": "token", "token-otp_token": "000000"})
    assert response.status_code == 200
    assert "nicht gültig" in response.content.decode() or "Ungültig" in response.content.decode()
    assert fresh.get("/admin/").status_code == 302


def test_backup_code_signs_in_once(officer):
    client = Client()
    sign_in_with_password(client, officer)
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False):
        set_up_app(client)
        response = client.post(BACKUP_URL)
        assert response.status_code == 302
    codes = [token.token for token in StaticDevice.objects.get(user=officer).token_set.all()]
    assert len(codes) == 10

    fresh = Client()
    sign_in_with_password(fresh, officer)
    fresh.post(LOGIN_URL, {"login_view-current_step": "token", "wizard_goto_step": "backup"})
    response = fresh.post(LOGIN_URL, {"login_view-current_step": "backup", "backup-otp_token": codes[0]})
    assert response.status_code == 302
    assert fresh.get("/admin/").status_code == 200

    again = Client()
    sign_in_with_password(again, officer)
    again.post(LOGIN_URL, {"login_view-current_step": "token", "wizard_goto_step": "backup"})
    response = again.post(LOGIN_URL, {"login_view-current_step": "backup", "backup-otp_token": codes[0]})
    assert response.status_code == 200, "a used backup code must not work twice"
    assert again.get("/admin/").status_code == 302


def test_editor_needs_no_second_factor_by_default(writer):
    client = Client()
    sign_in_with_password(client, writer)
    assert client.get("/admin/").status_code == 200


def test_editors_need_one_when_configured(writer, settings):
    settings.NEWSROOM_2FA_FOR_EDITORS = True
    client = Client()
    sign_in_with_password(client, writer)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP_URL)


def test_demo_mode_asks_no_second_factor(officer, settings):
    settings.DEMO_MODE = True
    client = Client()
    sign_in_with_password(client, officer)
    assert client.get("/admin/newsroom/pressrelease/").status_code == 200


def test_superuser_needs_one_too(writer):
    writer.is_superuser = True
    writer.save()
    client = Client()
    sign_in_with_password(client, writer)
    assert client.get("/admin/").status_code == 302


def test_admin_login_form_cannot_skip_the_code(officer):
    """The admin's own login URL only sends staff to the two-factor login."""
    client = Client()
    response = client.post("/admin/login/", {"username": officer.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)
    assert client.get("/admin/").status_code == 302


def test_login_helper_marks_the_session_verified(officer, client):
    login(client, officer)
    assert client.get("/admin/newsroom/pressrelease/").status_code == 200


def test_sign_in_pages_load_nothing_from_other_sites(client):
    """django-two-factor-auth's own base template pulls Bootstrap from a CDN; ours does not."""
    from .hostile import parse

    page = parse(client.get(LOGIN_URL).content)
    sources = [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href], img[src]")]
    assert sources and all(source.startswith("/") and not source.startswith("//") for source in sources), sources


def test_wrong_codes_slow_down_further_tries(officer):
    """django-otp throttles a device after a wrong code: guessing six digits does not pay."""
    client = Client()
    sign_in_with_password(client, officer)
    with time_machine.travel("2026-11-25 10:00:00+00:00", tick=False) as clock:
        set_up_app(client)
        clock.shift(60)
        device = TOTPDevice.objects.get(user=officer)
        fresh = Client()
        sign_in_with_password(fresh, officer)
        fresh.post(LOGIN_URL, {"login_view-current_step": "token", "token-otp_token": "000000"})
        right = f"{TOTP(device.bin_key).token():06d}"
        response = fresh.post(LOGIN_URL, {"login_view-current_step": "token", "token-otp_token": right})
        assert response.status_code == 200, "even the right code waits out the throttle"
        clock.shift(2)
        right = f"{TOTP(device.bin_key).token():06d}"
        response = fresh.post(LOGIN_URL, {"login_view-current_step": "token", "token-otp_token": right})
        assert response.status_code == 302
