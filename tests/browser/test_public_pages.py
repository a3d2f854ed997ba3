"""Every public page passes every checker in a real browser (tests/browser/checkers.py)."""

import datetime
import pprint
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import timezone

from newsroom import publishing
from newsroom.models import ShareLink
from tests.factories import PressReleaseFactory, SectionFactory

from .checkers import DESKTOP, PageReport
from .conftest import browser_db
from .urls import BAD_PAGE_PATH, SERVER_ERROR_PATH

pytestmark = browser_db

SEED_SLUG = "arbeitskraft-kennt-keine-herkunft"
WITHDRAWN_SLUG = "zurueckgezogene-meldung"

# THE list of pages checked: (name, path, expected status). Add a page here when it exists;
# test_every_public_page_is_checked fails when a page exists that is not listed.
PAGES = [
    ("press list", "/pressemeldungen/", 200),
    ("detail with photos and quotes", f"/pressemeldungen/{SEED_SLUG}/", 200),
    ("imprint", "/impressum/", 200),
    ("privacy notice", "/datenschutz/", 200),
    ("accessibility statement", "/barrierefreiheit/", 200),
    ("easy-to-read explanation", "/leichte-sprache/", 200),
    ("withdrawn release (410)", f"/pressemeldungen/{WITHDRAWN_SLUG}/", 410),
    ("share-link preview of a draft", "{share_link}", 200),
    ("search results", "/suche/?q=Jobbörse", 200),
    ("empty search", "/suche/?q=Zebrastreifen", 200),
    ("archive", "/archiv/2026/", 200),
    ("archive index", "/archiv/", 200),
    ("archive month", "/archiv/2026/11/", 200),
    ("person page", "/personen/al-emam/", 200),
    ("topic page", "/themen/integration/", 200),
    ("topic index", "/themen/", 200),
    ("404", "/pressemeldungen/gibt-es-nicht/", 404),
    ("500", SERVER_ERROR_PATH, 500),
]

# Pages another issue builds (DESIGN.md, URLs), with demo content that fills them. When
# one of these addresses resolves, it must be in PAGES above (status 200): added at merge.
PAGES_BUILT_ELSEWHERE = [
    ("search results", "/suche/?q=Jobbörse"),
    ("empty search", "/suche/?q=Zebrastreifen"),
    ("archive", "/archiv/2026/"),
    ("person page", "/personen/al-emam/"),
    ("topic page", "/themen/integration/"),
]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def demo_site(settings, site):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    officer = get_user_model().objects.get(username="freigabe")
    withdrawn = PressReleaseFactory(published=True, number=99, slug=WITHDRAWN_SLUG, title="Termin verschoben")
    publishing.withdraw(withdrawn, by=officer, reason="Der Termin wurde auf Januar verschoben.")
    draft = PressReleaseFactory(slug="entwurf-zur-abstimmung", title="Entwurf zur Abstimmung")
    SectionFactory(release=draft, heading="Worum es geht", body="<p>Text zur Abstimmung.</p>")
    link = ShareLink.objects.create(
        release=draft, created_by=officer, expires_at=timezone.now() + datetime.timedelta(days=7), note="Zitierte Person"
    )
    # Paths only known once the data exists; PAGES names them as {placeholders}.
    site.paths = {"share_link": link.get_absolute_url()}
    return site


def test_the_list_of_checked_pages_is_complete():
    assert [name for name, _path, _status in PAGES] == [
        "press list",
        "detail with photos and quotes",
        "imprint",
        "privacy notice",
        "accessibility statement",
        "easy-to-read explanation",
        "withdrawn release (410)",
        "share-link preview of a draft",
        "search results",
        "empty search",
        "archive",
        "archive index",
        "archive month",
        "person page",
        "topic page",
        "topic index",
        "404",
        "500",
    ]
    listed = {path for _name, path, _status in PAGES}
    for name, path in PAGES_BUILT_ELSEWHERE:
        try:
            resolve(path.split("?")[0])
        except Resolver404:
            continue
        assert path in listed, f"the {name} page exists now: add it to PAGES"


def test_every_public_page_passes_every_checker(demo_site, page_checker, new_page):
    found = {}
    for name, path, status in PAGES:
        path = path.format(**demo_site.paths)
        report = page_checker.check(new_page(), path, expected_status=status)
        if report.problems():
            found[f"{name} ({path})"] = report.problems()
    assert found == {}, pprint.pformat(found, width=150)


def test_known_bad_page_fails_each_checker(site, page_checker, new_page):
    report = page_checker.check(new_page(), BAD_PAGE_PATH)
    problems = report.problems()
    assert set(problems) == set(PageReport.CHECKERS), problems
    assert any(v.startswith("html-has-lang") for v in report.axe)
    assert any(v.startswith("image-alt") for v in report.axe)
    assert any("“div” not allowed as child of element “ul”" in error for error in report.html)
    assert report.requests == ["third-party request: image https://third-party.invalid/pixel.gif"]
    assert 'html lang is not "de"' in report.structure
    assert "2 h1 elements, not 1" in report.structure
    assert any("h1 to h4" in problem for problem in report.structure)
    assert "first Tab does not reach a skip link to main" in report.keyboard
    assert any(problem.startswith("no visible focus on a") for problem in report.keyboard)
    assert any(problem.endswith("at 320 px wide") for problem in report.layout)


def test_detail_page_screenshots_for_review(demo_site, new_page):
    """Phone and desktop screenshots of the seed release, written to test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    url = f"{demo_site.url}/pressemeldungen/{SEED_SLUG}/"
    for name, viewport, scale in [("phone", {"width": 375, "height": 812}, 2), ("desktop", DESKTOP, 1)]:
        page = new_page(viewport=viewport, device_scale_factor=scale)
        page.goto(url)
        # Photos load lazily: scroll through once so the full-page shot shows them.
        for img in page.locator("main img").all():
            img.scroll_into_view_if_needed()
        page.wait_for_function("() => [...document.images].every((img) => img.complete)")
        page.evaluate("() => window.scrollTo(0, 0)")
        target = ARTIFACTS / f"detail-{name}.png"
        page.screenshot(path=target, full_page=True)
        assert target.stat().st_size > 10_000
        assert page.evaluate("() => [...document.images].every((img) => img.complete && img.naturalWidth > 0)")
