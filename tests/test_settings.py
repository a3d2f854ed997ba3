import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_django(code, **env):
    clean_env = {key: value for key, value in os.environ.items()
                 if key not in {"SECRET_KEY", "DEBUG", "NEWSROOM_DEMO", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT, env={**clean_env, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True, text=True, timeout=60,
    )


def test_refuses_to_start_without_a_secret_key():
    result = run_django("pass")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_defaults_are_safe():
    result = run_django(
        "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.DEMO_MODE, s.LANGUAGE_CODE, s.TIME_ZONE)",
        SECRET_KEY="x" * 50,
    )
    assert result.stdout.split() == ["False", "[]", "False", "de", "Europe/Berlin"]


def test_demo_mode_keeps_a_generated_key(tmp_path):
    code = "from django.conf import settings as s; print(s.SECRET_KEY)"
    first = run_django(code, NEWSROOM_DEMO="1", NEWSROOM_VAR_DIR=str(tmp_path))
    second = run_django(code, NEWSROOM_DEMO="1", NEWSROOM_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50


@pytest.mark.parametrize("command", [["check"], ["makemigrations", "--check", "--dry-run"]])
def test_management_checks_are_clean(command):
    env = {key: value for key, value in os.environ.items() if key != "NEWSROOM_DEMO"}
    result = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, capture_output=True, text=True,
                            env={**env, "SECRET_KEY": "x" * 50}, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_migration_check_runs_in_a_bare_checkout_without_a_key():
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "NEWSROOM_DEMO", "DEBUG"}}
    result = subprocess.run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    refused = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
                             env=env, timeout=120)
    assert refused.returncode != 0 and "SECRET_KEY is not set" in refused.stderr
