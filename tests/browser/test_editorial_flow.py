"""The whole job in the browser: an editor writes a release, the press officer
publishes it, the public finds it on the list, its page and the RSS feed."""

import pytest

from newsroom.models import PressRelease, Status
from tests.factories import PersonFactory, jpeg_bytes

from .conftest import browser_db, browser_login

pytestmark = browser_db

TITLE = "Neue Sprechzeiten im Jobcenter Andernach"
SLUG = "neue-sprechzeiten-im-jobcenter-andernach"


@pytest.fixture
def speaker(db):
    return PersonFactory(name="Dana Dorn", slug="dana-dorn", role="Geschäftsführerin", organisation="Jobcenter")


def select_autocomplete(page, row, field, search, choice):
    """Pick ``choice`` in the admin's autocomplete (select2) of ``field`` in inline ``row``."""
    page.locator(f"#{row} .field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=choice).click()


def type_in_ckeditor(page, field_id, text):
    """Type into CKEditor's editing frame as a person does."""
    page.wait_for_selector(f"#cke_{field_id} iframe")
    body = page.frame_locator(f"#cke_{field_id} iframe").locator("body")
    body.click()
    page.keyboard.type(text)


def upload_photo(page, origin, critical_axe_violations):
    page.goto(f"{origin}/admin/newsroom/photo/add/")
    page.set_input_files("#id_image", files=[{"name": "sprechstunde.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(1200, 800)}])
    page.fill("#id_alt_text", "Eine Beraterin spricht mit einem Besucher am Empfang")
    page.fill("#id_caption", "Der neue Empfang in Andernach")
    page.fill("#id_credit", "Jobcenter Mayen-Koblenz")
    problems = critical_axe_violations(page)
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    return problems


def write_release(page, origin, critical_axe_violations):
    """The editor's part: a release with two sections, a quote by an existing person, a photo."""
    page.goto(f"{origin}/admin/newsroom/pressrelease/add/")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", "Ab Dezember berät das Jobcenter in Andernach auch am Donnerstagabend.")
    page.fill("#id_dateline", "Andernach")
    page.fill("#id_sections-0-position", "1")
    page.fill("#id_sections-0-heading", "Länger geöffnet")
    type_in_ckeditor(page, "id_sections-0-body", "Donnerstags ist der Empfang bis 18 Uhr besetzt.")
    page.locator("#sections-group .add-row a").click()
    page.fill("#id_sections-1-position", "2")
    page.fill("#id_sections-1-heading", "Termine ohne Wartezeit")
    type_in_ckeditor(page, "id_sections-1-body", "Termine gibt es auch telefonisch.")
    page.fill("#id_quotes-0-section_number", "2")
    page.fill("#id_quotes-0-text", "Wir wollen erreichbar sein, wenn die Menschen Zeit haben.")
    select_autocomplete(page, "quotes-0", "person", "Dorn", "Dana Dorn")
    page.fill("#id_photo_placements-0-section_number", "1")
    select_autocomplete(page, "photo_placements-0", "photo", "Empfang", "Empfang")
    problems = critical_axe_violations(page)
    page.click("input[name=_save_and_submit]")
    page.wait_for_selector(".messagelist .success")
    return problems


def publish_as_press_officer(page, origin, title, critical_axe_violations):
    """The press officer's part: open the submitted release and approve and publish it.
    The one place to change when the publishing steps change."""
    page.goto(f"{origin}/admin/newsroom/pressrelease/")
    problems = critical_axe_violations(page)
    page.locator("#result_list").get_by_role("link", name=title).click()
    problems += critical_axe_violations(page)
    page.locator("a.workflow-publish").click()
    problems += critical_axe_violations(page)
    page.locator("#content-main input[type=submit].default").click()
    page.wait_for_selector(".messagelist .success")
    return problems


def test_editor_writes_press_officer_publishes_public_reads(
    site, new_page, page_checker, critical_axe_violations, editor, press_officer, speaker
):
    admin_problems = {}

    editor_page = browser_login(new_page(), editor, site.url)
    admin_problems["photo add form"] = upload_photo(editor_page, site.url, critical_axe_violations)
    admin_problems["release add form"] = write_release(editor_page, site.url, critical_axe_violations)
    assert PressRelease.objects.get(slug=SLUG).status == Status.REVIEW

    public_page = new_page()
    assert public_page.goto(f"{site.url}/pressemeldungen/{SLUG}/").status == 404, "in review, not public"

    officer_page = browser_login(new_page(), press_officer, site.url)
    admin_problems["release list, change form, publish step"] = publish_as_press_officer(officer_page, site.url, TITLE, critical_axe_violations)
    assert admin_problems == {name: [] for name in admin_problems}

    public_page.goto(f"{site.url}/pressemeldungen/")
    public_page.get_by_role("link", name=TITLE).click()
    assert public_page.url == f"{site.url}/pressemeldungen/{SLUG}/"
    main = public_page.locator("main")
    assert main.locator("h1").inner_text() == TITLE
    assert main.locator("h2").all_inner_texts()[:2] == ["Länger geöffnet", "Termine ohne Wartezeit"]
    assert "Donnerstags ist der Empfang bis 18 Uhr besetzt." in main.inner_text()
    quote = main.locator("figure.quote")
    assert "Wir wollen erreichbar sein" in quote.inner_text() and "Dana Dorn" in quote.inner_text()
    photo = main.locator("figure.photo img")
    assert photo.get_attribute("alt") == "Eine Beraterin spricht mit einem Besucher am Empfang"
    photo.scroll_into_view_if_needed()
    public_page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())

    # The release as staff made it passes every checker, like the seed release does.
    report = page_checker.check(new_page(), f"/pressemeldungen/{SLUG}/")
    assert report.problems() == {}

    feed = public_page.request.get(f"{site.url}/pressemeldungen/feed/rss/")
    assert feed.ok and TITLE in feed.text() and f"/pressemeldungen/{SLUG}/" in feed.text()
