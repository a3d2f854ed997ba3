"""The hostile-input suite: public XSS cheat-sheet payloads through every channel.

Each payload (tests/data/xss_payloads.txt, sources named there) is typed into
every text field of a release in the admin's add form and saved; the release is
then made public. Every view in ``VIEWS`` must show the release and contain
nothing active, judged by parsing its output (``tests/hostile.py``). A new
channel that shows releases (e.g. the staff preview) is one more entry in ``VIEWS``.
"""

import datetime
from dataclasses import dataclass
from typing import Callable
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.feeds import release_guid
from newsroom.models import PressRelease, ShareLink, Status

from .conftest import login
from .hostile import PAYLOAD_FILE, active_parts, load_payloads, parse

pytestmark = pytest.mark.django_db

PAYLOADS = load_payloads()
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def page_findings(response, release):
    """A public HTML page: the whole document, strict (no inline style either)."""
    assert response.status_code == 200
    soup = parse(response.content)
    return active_parts(soup)


def detail_findings(response, release):
    findings = page_findings(response, release)
    assert parse(response.content).find("h1").get_text(strip=True) == release.title.strip()
    return findings


def list_findings(response, release):
    findings = page_findings(response, release)
    assert parse(response.content).find("a", href=release.get_absolute_url()), "release missing from the list"
    return findings


def rss_findings(response, release):
    """RSS: title is plain text; description and content:encoded are HTML a reader renders."""
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    items = [item for item in channel.iter("item") if item.findtext("guid") == release_guid(release)]
    assert len(items) == 1, "release missing from the feed"
    item = items[0]
    findings = [f"element inside <{e.tag}>" for e in (item.find("title"),) if len(e)]
    for tag in ("description", CONTENT):
        html = item.findtext(tag) or ""
        assert html, f"{tag} is empty"
        findings += [f"{tag}: {finding}" for finding in active_parts(html)]
    return findings


def admin_change_findings(response, release):
    """The admin: its own scripts and styles are fine; the fields' contents are not.

    CKEditor renders the section textareas as HTML, so their contents are
    checked as strictly as a public page.
    """
    assert response.status_code == 200
    soup = parse(response.content)
    findings = active_parts(soup, own_scripts=True, inline_style_allowed=True)
    bodies = soup.select("textarea[name$='-body']")
    assert bodies, "no section text on the change form"
    for textarea in bodies:
        findings += [f"editor content: {finding}" for finding in active_parts(textarea.get_text())]
    return findings


def admin_list_findings(response, release):
    assert response.status_code == 200
    soup = parse(response.content)
    assert soup.find("a", href=reverse("admin:newsroom_pressrelease_change", args=[release.pk])), "release missing"
    return active_parts(soup, own_scripts=True, inline_style_allowed=True)


def share_link_url(release):
    link = ShareLink.objects.create(release=release, expires_at=timezone.now() + datetime.timedelta(days=1))
    return link.get_absolute_url()


@dataclass
class View:
    name: str
    url: Callable[[PressRelease], str]
    findings: Callable
    staff: bool = False


VIEWS = [
    View("public detail", lambda release: release.get_absolute_url(), detail_findings),
    View("public list", lambda release: reverse("newsroom:list"), list_findings),
    View("RSS feed", lambda release: reverse("newsroom:feed-rss"), rss_findings),
    View(
        "admin preview",
        lambda release: reverse("admin:newsroom_pressrelease_change", args=[release.pk]),
        admin_change_findings,
        staff=True,
    ),
    View("admin list", lambda release: reverse("admin:newsroom_pressrelease_changelist"), admin_list_findings, staff=True),
    View(
        "staff preview",
        lambda release: reverse("admin:newsroom_pressrelease_preview", args=[release.pk]),
        detail_findings,
        staff=True,
    ),
    View("share link", lambda release: share_link_url(release), detail_findings),
]


def management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def hostile_release_post(payload, slug):
    """The add form with ``payload`` in every text field a person can type into."""
    return {
        "title": payload[:250], "slug": slug, "lead": payload, "dateline": payload[:100],
        "published_at_0": "", "published_at_1": "",
        **management("sections", 1),
        "sections-0-position": "1", "sections-0-heading": payload[:250], "sections-0-body": payload,
        **management("quotes", 1),
        "quotes-0-section_number": "1", "quotes-0-position": "1", "quotes-0-text": payload,
        "quotes-0-person": "", "quotes-0-attribution": payload[:250], "quotes-0-role": payload[:300],
        **management("photo_placements", 0),
    }


def make_public(release):
    # Straight to public: this suite tests output, not the publishing rules.
    PressRelease.objects.filter(pk=release.pk).update(
        status=Status.PUBLISHED, published_at=timezone.now() - datetime.timedelta(hours=1),
        number=1, number_year=2026,
    )
    release.refresh_from_db()
    return release


def test_payload_file_is_large_and_names_its_sources():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS), "duplicate payloads"
    header = PAYLOAD_FILE.read_text(encoding="utf-8")
    assert "cheatsheetseries.owasp.org" in header and "portswigger.net" in header


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda index: f"payload-{index + 1}")
def test_payload_is_inert_on_every_channel(index, press_officer):
    payload = PAYLOADS[index]
    cache.clear()
    staff = login(Client(), press_officer)
    response = staff.post(reverse("admin:newsroom_pressrelease_add"), hostile_release_post(payload, f"payload-{index}"))
    assert response.status_code == 302, f"not saved: {payload!r}"
    release = make_public(PressRelease.objects.get(slug=f"payload-{index}"))
    for view in VIEWS:
        client = staff if view.staff else Client()
        findings = view.findings(client.get(view.url(release)), release)
        assert not findings, f"{view.name} is active for {payload!r}: {findings}"


def test_checker_finds_what_a_browser_would_run():
    """The suite's own control: the parser must see through what the sanitizer removes."""
    assert active_parts('<p><img src=x onerror="alert(1)"></p>') == ["<img onerror>"]
    assert active_parts('<a href=" jav&#x09;ascript:alert(1)">x</a>')
    assert active_parts("<svg><a xlink:href='javascript:alert(1)'>x</a></svg>")
    assert active_parts("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")
    assert active_parts('<script type="application/ld+json">{}</script>') == []
    assert active_parts('<p style="color:red">x</p>') and not active_parts(
        '<p style="color:red">x</p>', inline_style_allowed=True)


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=lambda index: f"payload-{index + 1}")
def test_payload_is_inert_when_the_form_comes_back_with_errors(index, editor_client):
    """A refused form shows what was typed again (reflected, not stored): still nothing active."""
    data = hostile_release_post(PAYLOADS[index], "kein gültiger Kurzname!")
    response = editor_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 200 and not PressRelease.objects.exists()
    assert "errornote" in response.content.decode()
    findings = admin_change_findings(response, None)
    assert not findings, f"re-shown form is active for {PAYLOADS[index]!r}: {findings}"
