"""`manage.py check --deploy` passes with production values, and fails without HTTPS."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "presse.example.de",
    "CSRF_TRUSTED_ORIGINS": "https://presse.example.de",
    "NEWSROOM_BEHIND_PROXY": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def check_deploy(**overrides):
    # Not the test run's own switches (browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    dropped = {"DEBUG", "NEWSROOM_DEMO", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(PRODUCTION, **overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_deploy_check_passes_with_production_values():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_https_settings():
    result = check_deploy(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = check_deploy(SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def test_plain_check_is_clean():
    from django.core.management import call_command

    call_command("check", fail_level="WARNING")
