"""The Content Security Policies, proven in Chromium.

A ``<script>`` is written past the sanitizer straight into the database (a
queryset ``update()``, as a compromised editor or a restore bug might), and the
public page must not run it; the same page with CSP bypassed does, so the test
shows the policy, not the markup, stops it. The admin's looser policy must
still let CKEditor start.
"""

import pytest

from newsroom import roles
from newsroom.models import Section

from ..conftest import login
from .conftest import browser_db
from ..factories import PressReleaseFactory, SectionFactory

# Runs before any page script and is not itself subject to the page's CSP.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""
INJECTED = (
    '<p id="text">Absatz</p>'
    '<script>document.documentElement.dataset.injected = "script ran";</script>'
    '<img src="/gibt-es-nicht.png" alt="" onerror="document.documentElement.dataset.handler = \'handler ran\'">'
    '<p id="styled" style="color: rgb(255, 0, 0)">rot</p>'
)

pytestmark = browser_db


@pytest.fixture
def chromium(browser):
    """The session's Chromium from the shared harness (tests/browser/conftest.py)."""
    return browser


def open_page(chromium, url, *, bypass_csp=False, cookies=()):
    context = chromium.new_context(bypass_csp=bypass_csp)
    context.add_cookies(list(cookies))
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(url, wait_until="load")
    return page, console


@pytest.fixture
def poisoned_release():
    release = PressReleaseFactory(published=True)
    section = SectionFactory(release=release)
    Section.objects.filter(pk=section.pk).update(body=INJECTED)  # skips save(), so skips the sanitizer
    return release


@pytest.fixture
def staff_groups():
    # Transactional tests flush the rows the data migration made; put the groups back.
    roles.ensure_staff_groups()


def marks(page):
    return page.evaluate("() => ({...document.documentElement.dataset})")


def test_public_policy_blocks_a_script_that_got_past_the_sanitizer(chromium, live_server, poisoned_release):
    url = live_server.url + poisoned_release.get_absolute_url()
    page, console = open_page(chromium, url)
    page.wait_for_function("() => window.__violations.length >= 2")
    assert page.inner_text("#text") == "Absatz", "the injected markup is on the page"
    assert marks(page) == {}, "neither the inline script nor the handler ran"
    violations = page.evaluate("() => window.__violations")
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    assert any("Content Security Policy" in message for message in console), console
    assert page.eval_on_selector("#styled", "e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    page.context.close()


def test_staff_preview_blocks_it_too(chromium, live_server, staff_groups, press_officer, poisoned_release, client):
    """The preview shows unpublished text to signed-in staff below /admin/: still the strict policy."""
    session = login(client, press_officer).cookies["sessionid"].value
    cookie = {"name": "sessionid", "value": session, "url": live_server.url}
    url = f"{live_server.url}/admin/newsroom/pressrelease/{poisoned_release.pk}/preview/"
    page, _console = open_page(chromium, url, cookies=[cookie])
    page.wait_for_function("() => window.__violations.length >= 2")
    assert page.inner_text("#text") == "Absatz"
    assert marks(page) == {}
    page.context.close()


def test_without_the_policy_the_same_page_would_run_it(chromium, live_server, poisoned_release):
    """Control: the markup really is live; only the policy stops it."""
    page, _console = open_page(chromium, live_server.url + poisoned_release.get_absolute_url(), bypass_csp=True)
    page.wait_for_function("() => document.documentElement.dataset.handler")
    assert marks(page) == {"injected": "script ran", "handler": "handler ran"}
    page.context.close()


def test_admin_policy_lets_ckeditor_start(chromium, live_server, staff_groups, press_officer, client):
    session = login(client, press_officer).cookies["sessionid"].value
    cookie = {"name": "sessionid", "value": session, "url": live_server.url}
    page, console = open_page(chromium, live_server.url + "/admin/newsroom/pressrelease/add/", cookies=[cookie])
    editor = "CKEDITOR.instances['id_sections-0-body']"
    page.wait_for_function(f"() => window.CKEDITOR && {editor} && {editor}.status === 'ready'", timeout=15000)
    # The toolbar's inline handlers work: "Bold" applies to typed text.
    page.frame_locator("#cke_id_sections-0-body iframe").locator("body").click()
    page.click("#cke_id_sections-0-body .cke_button__bold")
    page.keyboard.type("fett")
    assert "<strong>fett</strong>" in page.evaluate(f"() => {editor}.getData()")
    violations = page.evaluate("() => window.__violations")
    assert violations == [], violations
    assert not [message for message in console if "Content Security Policy" in message], console
    page.context.close()
