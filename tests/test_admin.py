import pytest
from bs4 import BeautifulSoup

from newsroom import publishing
from newsroom.models import Person, PressRelease, Quote, ReleasePhoto, Section, Status
from newsroom.workflow_forms import edit_token

from .conftest import login
from .factories import PersonFactory, PhotoFactory, PressReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/newsroom/pressrelease/add/"


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def release_post(person, photo, **overrides):
    """One submission: two sections, a quote in the second, a photo in the first."""
    data = {
        "title": "Neue Ausbildungsbörse",
        "slug": "neue-ausbildungsboerse",
        "lead": "Das Jobcenter lädt zur Ausbildungsbörse ein.",
        "dateline": "Mayen",
        "published_at_0": "",
        "published_at_1": "",
        "topics": [str(TopicFactory().pk)],
        **management("sections", 2),
        "sections-0-position": "1",
        "sections-0-heading": "",
        "sections-0-body": "<p>Erster Abschnitt.</p>",
        "sections-1-position": "2",
        "sections-1-heading": "Stimmen",
        "sections-1-body": "<p>Zweiter Abschnitt.</p><script>alert(1)</script>",
        **management("quotes", 1),
        "quotes-0-section_number": "2",
        "quotes-0-position": "1",
        "quotes-0-text": "Wir freuen uns auf viele Gäste.",
        "quotes-0-person": str(person.pk),
        "quotes-0-attribution": "",
        "quotes-0-role": "",
        **management("photo_placements", 1),
        "photo_placements-0-section_number": "1",
        "photo_placements-0-position": "1",
        "photo_placements-0-photo": str(photo.pk),
    }
    data.update(overrides)
    return data


def errors_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(element.get_text(" ", strip=True) for element in page.select(".errorlist, .errornote"))


def test_release_with_sections_quote_and_photo_in_one_post(editor_client, editor):
    person = PersonFactory(name="Petra Kretzschmann", role="Büroleiterin")
    photo = PhotoFactory()
    response = editor_client.post(ADD_URL, release_post(person, photo))
    assert response.status_code == 302, errors_of(response)

    release = PressRelease.objects.get(slug="neue-ausbildungsboerse")
    assert release.status == Status.DRAFT
    assert release.created_by == editor
    first, second = release.sections.all()
    assert (first.position, second.heading) == (1, "Stimmen")
    assert second.body == "<p>Zweiter Abschnitt.</p>"
    quote = release.quotes.get()
    assert quote.section == second
    assert quote.role == "Büroleiterin"
    assert release.photo_placements.get().section == first


def test_change_moves_a_quote_and_reorders_sections(editor_client):
    person, photo = PersonFactory(), PhotoFactory()
    editor_client.post(ADD_URL, release_post(person, photo))
    release = PressRelease.objects.get()
    first, second = release.sections.all()
    quote, placement = release.quotes.get(), release.photo_placements.get()
    data = release_post(
        person, photo,
        **management("sections", 2, initial=2), **management("quotes", 1, initial=1),
        **management("photo_placements", 1, initial=1),
        **{"sections-0-id": str(first.pk), "sections-0-release": str(release.pk), "sections-0-position": "2",
           "sections-1-id": str(second.pk), "sections-1-release": str(release.pk), "sections-1-position": "1",
           "quotes-0-id": str(quote.pk), "quotes-0-release": str(release.pk), "quotes-0-section_number": "2",
           "photo_placements-0-id": str(placement.pk), "photo_placements-0-release": str(release.pk),
           "edit_token": edit_token(release)},  # what the opened form carries (workflow: no lost edits)
    )
    response = editor_client.post(f"/admin/newsroom/pressrelease/{release.pk}/change/", data)
    assert response.status_code == 302, errors_of(response)
    first.refresh_from_db()
    second.refresh_from_db()
    quote.refresh_from_db()
    assert (first.position, second.position) == (2, 1)
    assert quote.section == first


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"quotes-0-section_number": "3"}, "keinen Abschnitt Nr. 3"),
        ({"photo_placements-0-section_number": "7"}, "keinen Abschnitt Nr. 7"),
        ({"quotes-0-person": ""}, "entweder eine Person oder eine Zuschreibung"),
        ({"quotes-0-attribution": "Ein Besucher"}, "entweder eine Person oder eine Zuschreibung"),
        ({"sections-1-position": "1"}, "doppelt vergeben"),
        ({"sections-1-DELETE": "on"}, "keinen Abschnitt Nr. 2"),
        ({"slug": "vorhanden"}, "existiert bereits"),
        ({"title": ""}, "Dieses Feld ist zwingend erforderlich"),
    ],
    ids=["quote-section", "photo-section", "no-speaker", "two-speakers", "same-number", "deleted-section",
         "slug-clash", "no-title"],
)
def test_bad_input_gets_a_german_message_and_saves_nothing(editor_client, overrides, message):
    PressReleaseFactory(slug="vorhanden")
    before = (PressRelease.objects.count(), Section.objects.count(), Quote.objects.count(), ReleasePhoto.objects.count())
    response = editor_client.post(ADD_URL, release_post(PersonFactory(), PhotoFactory(), **overrides))
    assert response.status_code == 200
    assert message in errors_of(response)
    after = (PressRelease.objects.count(), Section.objects.count(), Quote.objects.count(), ReleasePhoto.objects.count())
    assert after == before


def test_blank_section_numbers_follow_the_others(editor_client):
    response = editor_client.post(
        ADD_URL,
        release_post(PersonFactory(), PhotoFactory(), **{"sections-0-position": "", "sections-1-position": ""},
                     **{"quotes-0-section_number": "2"}),
    )
    assert response.status_code == 302, errors_of(response)
    assert [s.position for s in Section.objects.all()] == [1, 2]


def test_editor_cannot_publish_and_status_is_not_a_form_field(editor_client, editor, press_officer, client):
    release = publishing.submit(PressReleaseFactory(), by=editor)
    publish_url = f"/admin/newsroom/pressrelease/{release.pk}/workflow/publish/"
    response = editor_client.post(publish_url, {"status": "published"})
    release.refresh_from_db()
    assert release.status == Status.REVIEW
    assert response.status_code == 200

    login(client, press_officer)
    client.post(publish_url)
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert release.release_number.startswith("PM 1/")


def test_admin_is_german_and_offers_the_editor_pickers(editor_client):
    page = BeautifulSoup(editor_client.get(ADD_URL).content, "html.parser")
    assert page.html["lang"] == "de"
    assert "Pressemeldung hinzufügen" in page.get_text()
    assert page.select_one("select#id_press_contact.admin-autocomplete")
    assert page.select_one('select[name="quotes-__prefix__-person"].admin-autocomplete')
    assert page.select_one('select[name="photo_placements-__prefix__-photo"].admin-autocomplete')
    assert page.select_one("textarea#id_sections-0-body[data-type=ckeditortype]")


def test_ckeditor_calls_no_outside_service(settings):
    config = settings.CKEDITOR_CONFIGS["default"]
    assert config["versionCheck"] is False
    removed = config["removePlugins"].split(",")
    assert {"scayt", "exportpdf", "sourcearea"} <= set(removed)


def test_person_search_and_duplicate_spelling(editor_client):
    PersonFactory(name="Abdul-Ahmad Rashid", organisation="ZDF")
    response = editor_client.get("/admin/autocomplete/", {
        "term": "Rashid", "app_label": "newsroom", "model_name": "quote", "field_name": "person"})
    assert [r["text"] for r in response.json()["results"]] == ["Abdul-Ahmad Rashid"]
    response = editor_client.post("/admin/newsroom/person/add/", {
        "name": "Abdul Ahmad Rashid", "slug": "abdul-ahmad-rashid-2", "organisation": "ZDF"})
    assert response.status_code == 200
    assert "gibt es bereits" in errors_of(response)
    assert Person.objects.count() == 1


def test_photo_list_shows_thumbnails(editor_client):
    photo = PhotoFactory()
    page = BeautifulSoup(editor_client.get("/admin/newsroom/photo/").content, "html.parser")
    assert page.select_one(f'img[src="{photo.image.url}"]')


def test_release_list_filters_and_search(editor_client):
    PressReleaseFactory(title="Ausbildungsbörse", lead="Vorspann")
    PressReleaseFactory(title="Anderes Thema")
    response = editor_client.get("/admin/newsroom/pressrelease/", {"q": "Ausbildung", "status__exact": "draft"})
    page = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text() for a in page.select("#result_list tbody th a")] == ["Ausbildungsbörse"]
