import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from newsroom import roles
from newsroom.pagecache import generation

from .factories import UserFactory


@pytest.fixture(scope="session", autouse=True)
def _empty_static_root_for_the_session(tmp_path_factory):
    """An empty STATIC_ROOT (as in ``_test_storage``) for the browser tests' live server too:
    its middleware is made once per session, before any test's own settings, and WhiteNoise
    warns when the folder is missing, as the project's own is on a fresh checkout."""
    from django.conf import settings

    previous, settings.STATIC_ROOT = settings.STATIC_ROOT, tmp_path_factory.mktemp("static")
    yield
    settings.STATIC_ROOT = previous


@pytest.fixture(autouse=True)
def _test_storage(settings, tmp_path):
    """Media in a temporary folder; static files without the collectstatic manifest.

    STATIC_ROOT is an empty folder too: WhiteNoise indexes it whenever a new test client
    loads the middleware, and after ``make run`` the project's own holds some 2,700
    collected files, which made the suite three times slower than on a fresh checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """An empty cache per test; the page and count caches stay off unless a test turns them
    on (tests/test_pagecache.py, test_query_budgets.py), so budgets measure the views themselves."""
    settings.NEWSROOM_PAGE_CACHE = False
    settings.NEWSROOM_COUNT_CACHE = False
    cache.clear()
    generation.owed = False


def staff_user(username, group_name):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return staff_user("redakteurin", roles.EDITORS)


@pytest.fixture
def press_officer(db):
    return staff_user("pressesprecher", roles.PRESS_OFFICERS)


def login(client, user):
    """Log ``user`` into the test client as staff would be, past every admin guard.

    Always log in through this helper, never ``client.force_login`` directly, so
    that a new guard on the admin (e.g. two-factor) is satisfied in one place.
    """
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    verify_second_factor(client, user)
    return client


def verify_second_factor(client, user):
    """Mark the client's session as signed in with a confirmed TOTP device of ``user``.

    This is what django-otp records after a correct code (tests/test_two_factor.py
    walks the real sign-in); django-axes needs no request here because
    ``force_login`` does not authenticate.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def editor_client(client, editor):
    return login(client, editor)


@pytest.fixture
def officer_client(client, press_officer):
    return login(client, press_officer)


def pytest_sessionstart(session):
    # CI runs on PostgreSQL; PostgreSQL-only tests must fail there, never skip quietly.
    import os

    from django.db import connection

    if os.environ.get("CI") and connection.vendor != "postgresql":
        pytest.exit("CI must run the tests against PostgreSQL (set DATABASE_URL).", returncode=1)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: needs PostgreSQL; deselected on SQLite outside CI, and CI refuses SQLite"
    )


def pytest_collection_modifyitems(config, items):
    # Locally on SQLite, PostgreSQL-only tests are deselected (not skipped, not passed).
    # In CI the session has already stopped unless the database is PostgreSQL
    # (pytest_sessionstart), so there they always run, and fail if they fail.
    import os

    from django.db import connection

    if os.environ.get("CI") or connection.vendor == "postgresql":
        return
    selected = [item for item in items if item.get_closest_marker("postgresql") is None]
    deselected = [item for item in items if item.get_closest_marker("postgresql") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
