"""Fixtures of the browser tests: one Chromium and one Nu HTML Checker per session.

Known traps (DESIGN.md): Playwright's sync API runs an event loop in the test's
thread, so Django refuses database calls there unless DJANGO_ALLOW_ASYNC_UNSAFE
is set; ``live_server`` needs transactional tests, whose flush would delete the
rows data migrations made (staff groups, legal pages) unless the test asks for
``serialized_rollback`` (``browser_db`` below).
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from django.db import connections
from django.test import Client

from tests.conftest import login

from .checkers import AXE_JS, DESKTOP, VNU_JAR, NuChecker, PageChecker

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Ports of this project's local services; the checker takes the first free one.
NU_PORTS = range(8600, 8700)

browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _require(path, what):
    if not path.exists():
        pytest.fail(f"{what} is missing at {path}: `make test` installs it (npm ci in tests/browser).")


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium (.ci/run does).")
    before = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        _keep_serialized_contents(before)
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _keep_serialized_contents(before):
    """Playwright's event loop makes Django keep its connections per async context, so
    the test thread gets new connection objects: give them the snapshot of the data
    migrations' rows that ``serialized_rollback`` restores (taken when the test
    database was made)."""
    for alias, old in before.items():
        if hasattr(old, "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = old._test_serialized_contents


def _free_port():
    for port in NU_PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for the Nu HTML Checker in 8600-8699")


@pytest.fixture(scope="session")
def nu_checker(tmp_path_factory):
    """Start the Nu HTML Checker once (a JVM takes seconds) and stop it at the end."""
    _require(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: apt-get install -y default-jre-headless (.ci/run does).")
    port = _free_port()
    log = tmp_path_factory.mktemp("vnu") / "vnu.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            [java, "-Xss1024k", "-Xmx512m", "-Dnu.validator.servlet.bind-address=127.0.0.1",
             "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port)],
            stdout=log_file, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"The Nu HTML Checker did not start:\n{log.read_text()}")
                time.sleep(0.2)
        yield NuChecker(url)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def axe_source():
    _require(AXE_JS, "axe-core")
    return AXE_JS.read_text()


@pytest.fixture
def site(live_server, settings):
    """The live site with media served and the known-bad page (``tests/browser/urls.py``)."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    return live_server


@pytest.fixture
def page_checker(site, nu_checker, axe_source):
    return PageChecker(origin=site.url, nu=nu_checker, axe_source=axe_source)


@pytest.fixture
def new_page(browser):
    """Pages in fresh browser contexts (no shared cookies), closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": DESKTOP, "locale": "de-DE", **options})
        # Fail fast: a local page that takes longer than this is a bug.
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def browser_login(page, user, origin):
    """Log ``user`` into the browser page through the one login helper of the tests.

    ``tests.conftest.login`` passes every admin guard (two-factor, once added); its
    session cookie is handed to the browser, which then is that user.
    """
    client = login(Client(), user)
    page.context.add_cookies(
        [{"name": name, "value": morsel.value, "url": origin} for name, morsel in client.cookies.items()]
    )
    return page


# Critical findings in markup that Django's admin makes, not our templates or widgets;
# each is (axe rules, CSS selector the element matches) and the reason next to it.
DJANGO_ADMIN_MARKUP = [
    # TabularInline names each column once in a <th>; its cells' inputs get no <label>.
    (("label", "select-name"), ".tabular td[class^='field-'] *"),
    # ...and so is its "delete" checkbox, in the column headed "Löschen?".
    (("label",), ".tabular td.delete input"),
    # AdminSplitDateTime writes "Datum:" and "Zeit:" as plain text before its two inputs.
    (("label",), "p.datetime input"),
    # The search box of the select2 copy Django ships for autocomplete fields.
    (("label",), ".select2-search__field"),
]


@pytest.fixture
def critical_axe_violations(page_checker):
    """Critical axe violations on an admin page that our templates or widgets introduce."""

    def violations(page):
        found = []
        for violation in page_checker.axe_run(page):
            if violation["impact"] != "critical":
                continue
            ours = [
                node["target"]
                for node in violation["nodes"]
                if not page.evaluate(
                    "([target, selectors]) => { const el = document.querySelector(target);"
                    " return !!el && selectors.some((selector) => el.matches(selector)); }",
                    [node["target"][0], [sel for rules, sel in DJANGO_ADMIN_MARKUP if violation["id"] in rules]],
                )
            ]
            if ours:
                found.append(f"{violation['id']}: {violation['help']} — {ours}")
        return found

    return violations
