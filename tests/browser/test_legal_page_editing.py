"""A press officer corrects the accessibility statement in the admin's editor."""

from pages.models import Kind, LegalPage

from .conftest import browser_db, browser_login

pytestmark = browser_db


def test_press_officer_edits_a_legal_page_in_ckeditor(site, new_page, page_checker, critical_axe_violations, press_officer):
    page = LegalPage.objects.get(kind=Kind.ACCESSIBILITY)
    admin = browser_login(new_page(), press_officer, site.url)
    admin.goto(f"{site.url}/admin/pages/legalpage/{page.pk}/change/")
    assert critical_axe_violations(admin) == []
    frame = admin.frame_locator("#cke_id_body iframe")
    frame.locator("body p").first.click()
    admin.keyboard.press("Control+End")
    admin.keyboard.press("Enter")
    admin.keyboard.type("Seit Dezember gibt es die Pressemeldungen auch als Hörfassung.")
    admin.click("input[name=_save]")
    admin.wait_for_selector(".messagelist .success")

    page.refresh_from_db()
    assert "<p>Seit Dezember gibt es die Pressemeldungen auch als Hörfassung.</p>" in page.body
    public = new_page()
    public.goto(f"{site.url}/barrierefreiheit/")
    assert "auch als Hörfassung" in public.locator("main").inner_text()
    assert page_checker.check(new_page(), "/barrierefreiheit/").problems() == {}
