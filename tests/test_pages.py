"""The legal pages: fixed addresses, starter texts from the migration, staff edit them."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from newsroom import roles
from pages.models import Kind, LegalPage

pytestmark = pytest.mark.django_db

PATHS = {
    Kind.IMPRINT: ("/impressum/", "Impressum"),
    Kind.PRIVACY: ("/datenschutz/", "Datenschutzerklärung"),
    Kind.ACCESSIBILITY: ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
    Kind.EASY_LANGUAGE: ("/leichte-sprache/", "Leichte Sprache: Informationen zu dieser Website"),
}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("kind", list(Kind))
def test_each_legal_page_has_its_starter_text_at_its_address(client, kind):
    path, title = PATHS[kind]
    page = LegalPage.objects.get(kind=kind)
    assert page.get_absolute_url() == path
    soup = soup_of(client.get(path))
    assert soup.h1.get_text() == title
    assert soup.select("main h2"), "starter text has sub-headings below the h1"
    assert not client.cookies
    assert "Set-Cookie" not in client.get(path).headers


def test_every_public_page_links_the_legal_pages_in_its_footer(client):
    for url in ["/pressemeldungen/", "/impressum/", "/gibt-es-nicht/"]:
        response = client.get(url)
        footer = BeautifulSoup(response.content, "html.parser").select_one("footer.site-footer")
        links = {a["href"]: a.get_text() for a in footer.find_all("a")}
        assert {"/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/"} <= set(links)
        assert links["/leichte-sprache/"] == "Leichte Sprache"


def test_accessibility_statement_has_the_parts_bitv_requires(client):
    main = soup_of(client.get("/barrierefreiheit/")).main
    headings = [h.get_text() for h in main.find_all("h2")]
    assert "Stand der Vereinbarkeit mit den Anforderungen" in headings
    assert "Nicht barrierefreie Inhalte" in headings
    assert "Barrieren melden: Kontakt zur Feedback-Stelle" in headings
    assert "Schlichtungsverfahren" in headings
    text = main.get_text(" ")
    assert "teilweise vereinbar" in text
    assert "§ 16 BGG" in text and "Mauerstraße 53, 10117 Berlin" in text
    mail_links = [a["href"] for a in main.select('a[href^="mailto:"]')]
    assert any(href.startswith("mailto:barrierefreiheit@") for href in mail_links)
    assert "mailto:info@schlichtungsstelle-bgg.de" in mail_links


def test_missing_page_answers_404(client):
    LegalPage.objects.filter(kind=Kind.IMPRINT).delete()
    assert client.get("/impressum/").status_code == 404


def test_press_officer_edits_a_page_and_html_is_cleaned(officer_client):
    page = LegalPage.objects.get(kind=Kind.IMPRINT)
    url = f"/admin/pages/legalpage/{page.pk}/change/"
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(
        url, {"title": "Impressum", "body": '<h2>Neu</h2><p onclick="x()">Text<script>alert(1)</script></p>'}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<h2>Neu</h2><p>Text</p>"
    assert "<h2>Neu</h2>" in officer_client.get("/impressum/").content.decode()


def test_pages_can_be_neither_added_nor_deleted(officer_client):
    page = LegalPage.objects.get(kind=Kind.PRIVACY)
    assert officer_client.get("/admin/pages/legalpage/add/").status_code == 403
    assert officer_client.get(f"/admin/pages/legalpage/{page.pk}/delete/").status_code == 403


def test_editor_may_read_but_not_change_the_pages(editor_client):
    page = LegalPage.objects.get(kind=Kind.PRIVACY)
    url = f"/admin/pages/legalpage/{page.pk}/change/"
    assert editor_client.get(url).status_code == 200
    editor_client.post(url, {"title": "Geändert", "body": "<p>x</p>"})
    page.refresh_from_db()
    assert page.title == "Datenschutzerklärung"


def test_regranting_the_groups_keeps_the_page_rights(press_officer, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    roles.ensure_staff_groups()
    press_officer.refresh_from_db()
    assert press_officer.has_perm("pages.change_legalpage")
