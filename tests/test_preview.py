"""Staff preview and share links: any state, never cached, never indexed, gone when revoked or expired."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from newsroom.models import ShareLink

from .conftest import login
from .workflow_helpers import release_in, second_officer

pytestmark = pytest.mark.django_db

BODY = "Der ganze Text der Meldung."


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"
    page = BeautifulSoup(response.content, "html.parser")
    assert "noindex" in page.find("meta", attrs={"name": "robots"})["content"]
    return page


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "published", "withdrawn"])
def test_staff_preview_of_any_state(editor_client, editor, state):
    release = release_in(state, author=editor, officer=second_officer())
    response = editor_client.get(f"/admin/newsroom/pressrelease/{release.pk}/preview/")
    assert response.status_code == 200
    page = assert_private(response)
    assert page.select_one(".preview-banner").get_text(" ", strip=True).startswith("Vorschau")
    assert page.select_one("h1").get_text() == release.title
    assert BODY in page.select_one(".release-body").get_text()
    assert page.html["lang"] == "de"


def test_preview_needs_login(client, editor):
    release = release_in("draft", author=editor, officer=None)
    response = client.get(f"/admin/newsroom/pressrelease/{release.pk}/preview/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def create_link(client, release, days=3, note="Frau Muster (zitiert)"):
    response = client.post(f"/admin/newsroom/pressrelease/{release.pk}/share/", {"days": days, "note": note})
    assert response.status_code == 302
    return ShareLink.objects.filter(release=release).first()


def test_share_link_shows_the_draft_read_only_to_anyone(officer_client, editor):
    release = release_in("draft", author=editor, officer=None)
    link = create_link(officer_client, release)
    change_page = officer_client.get(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    page = BeautifulSoup(change_page.content, "html.parser")
    listed = page.select_one("table.share-links").get_text(" ", strip=True)
    assert "Frau Muster (zitiert)" in listed
    assert page.select_one(f"input[value$='{link.get_absolute_url()}']")

    stranger = Client()
    response = stranger.get(link.get_absolute_url())
    assert response.status_code == 200
    shown = assert_private(response)
    assert BODY in shown.get_text() and "Vorschau" in shown.select_one(".preview-banner").get_text()
    assert not shown.select("form")
    assert not response.cookies
    assert stranger.post(link.get_absolute_url()).status_code == 405


def test_share_link_is_404_after_revocation(officer_client, editor):
    release = release_in("review", author=editor, officer=None)
    link = create_link(officer_client, release)
    assert Client().get(link.get_absolute_url()).status_code == 200
    officer_client.post(f"/admin/newsroom/pressrelease/{release.pk}/share/{link.pk}/revoke/")
    assert Client().get(link.get_absolute_url()).status_code == 404


def test_share_link_is_404_after_expiry(officer_client, editor, time_machine):
    release = release_in("draft", author=editor, officer=None)
    link = create_link(officer_client, release, days=2)
    time_machine.move_to(timezone.now() + datetime.timedelta(days=2) - datetime.timedelta(minutes=1))
    assert Client().get(link.get_absolute_url()).status_code == 200
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=2))
    assert Client().get(link.get_absolute_url()).status_code == 404


def test_share_link_cannot_be_forged(officer_client, editor):
    release = release_in("draft", author=editor, officer=None)
    link = create_link(officer_client, release)
    other = release_in("draft", author=editor, officer=None)
    forged = link.get_absolute_url().replace(f"/{link.pk}:", f"/{other.pk}:")
    assert Client().get(forged).status_code == 404
    assert Client().get(f"/vorschau/{other.pk}/").status_code == 404


def test_editors_cannot_create_or_revoke_share_links(client, editor, press_officer):
    release = release_in("draft", author=editor, officer=None)
    link = create_link(login(Client(), press_officer), release)
    login(client, editor)
    client.post(f"/admin/newsroom/pressrelease/{release.pk}/share/", {"days": 3})
    assert ShareLink.objects.filter(release=release).count() == 1
    client.post(f"/admin/newsroom/pressrelease/{release.pk}/share/{link.pk}/revoke/")
    link.refresh_from_db()
    assert link.revoked_at is None


def test_share_link_days_are_bounded(officer_client, editor):
    release = release_in("draft", author=editor, officer=None)
    officer_client.post(f"/admin/newsroom/pressrelease/{release.pk}/share/", {"days": 400})
    assert not ShareLink.objects.exists()
