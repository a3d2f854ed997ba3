"""Consent blocks publishing (sections 22/23 KUG for photos, consent to be named for
private people), and the photo library shows and protects what is in use."""

import datetime

import pytest
from bs4 import BeautifulSoup

from newsroom import publishing
from newsroom.checks import publication_problems
from newsroom.models import Photo, Status

from .conftest import login
from .channel_helpers import queries_of
from .factories import (
    PersonFactory,
    PhotoFactory,
    PhotoPersonFactory,
    PressReleaseFactory,
    QuoteFactory,
    ReleasePhotoFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def draft_with_photo(**shown_fields):
    photo = PhotoFactory(caption="Gäste in Polch")
    release = PressReleaseFactory(hero_photo=photo)
    shown = PhotoPersonFactory(photo=photo, person=PersonFactory(name="Ricardo Amico"), **shown_fields)
    return release, shown


@pytest.fixture
def submitted(editor):
    """Hand a release over for review, as the editor would (four eyes: the officer publishes)."""

    def submit(release):
        publishing.submit(release, by=editor)
        return release

    return submit


def publish_error(release, user):
    with pytest.raises(publishing.PublishingError) as error:
        publishing.publish(release, by=user)
    release.refresh_from_db()
    assert release.status == Status.REVIEW and release.number is None
    return str(error.value)


def test_photo_without_consent_blocks_publishing(press_officer, submitted):
    release, _shown = draft_with_photo(consent="missing", consent_given_on=None)
    message = publish_error(submitted(release), press_officer)
    assert "Foto „Gäste in Polch“: Für Ricardo Amico ist keine Einwilligung zur Abbildung erfasst." in message


def test_photo_placed_in_the_text_is_checked_too(press_officer, submitted):
    release = PressReleaseFactory()
    placement = ReleasePhotoFactory(section=SectionFactory(release=release), release=release)
    PhotoPersonFactory(photo=placement.photo, consent="missing", consent_given_on=None)
    assert "keine Einwilligung" in publish_error(submitted(release), press_officer)


def test_expired_consent_blocks_publishing(press_officer, submitted):
    release, _shown = draft_with_photo(
        consent_given_on=datetime.date(2025, 1, 1), consent_until=datetime.date(2025, 12, 31)
    )
    assert "ist am 31. Dezember 2025 abgelaufen" in publish_error(submitted(release), press_officer)


@pytest.mark.parametrize(
    "shown_fields",
    [
        {"consent": "given", "consent_given_on": datetime.date(2026, 1, 1)},
        {"consent": "not_required", "consent_given_on": None, "consent_ground": "contemporary_history"},
    ],
    ids=["given", "not-required"],
)
def test_recorded_consent_or_kug_ground_allows_publishing(press_officer, submitted, shown_fields):
    release, _shown = draft_with_photo(**shown_fields)
    publishing.publish(submitted(release), by=press_officer)
    assert release.status == Status.PUBLISHED


def test_named_private_person_without_consent_blocks_publishing(press_officer, submitted):
    release = submitted(PressReleaseFactory())
    client_person = PersonFactory(name="Anastasiia Pikelna", is_public_figure=False)
    release.named_people.add(client_person, PersonFactory(name="Miguel Vicente"))
    message = publish_error(release, press_officer)
    assert message == (
        "Anastasiia Pikelna ist eine Privatperson und darf nur mit erfasster Einwilligung genannt oder zitiert "
        "werden. Erfassen Sie die Einwilligung zur Namensnennung bei der Person oder entfernen Sie den Namen."
    )
    client_person.naming_consent_on = datetime.date(2026, 11, 18)
    client_person.save()
    publishing.publish(release, by=press_officer)
    assert release.status == Status.PUBLISHED


def test_quoted_private_person_without_consent_blocks_publishing(press_officer, submitted):
    quote = QuoteFactory(person=PersonFactory(name="Anna Privat", is_public_figure=False))
    assert "Anna Privat ist eine Privatperson" in publish_error(submitted(quote.release), press_officer)


def test_problems_list_every_reason_at_once():
    release, _shown = draft_with_photo(consent="missing", consent_given_on=None)
    release.named_people.add(PersonFactory(name="Anna Privat", is_public_figure=False))
    problems = publication_problems(release, now=datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC))
    assert len(problems) == 2


def test_admin_publish_step_shows_why(officer_client, submitted):
    release, _shown = draft_with_photo(consent="missing", consent_given_on=None)
    submitted(release)
    response = officer_client.post(
        f"/admin/newsroom/pressrelease/{release.pk}/workflow/publish/", {"publish_at": ""}, follow=True
    )
    assert "keine Einwilligung zur Abbildung erfasst" in response.content.decode()
    release.refresh_from_db()
    assert release.status == Status.REVIEW


def test_photo_in_use_cannot_be_deleted_silently(press_officer, client):
    release = PressReleaseFactory(title="Arbeitskraft kennt keine Herkunft", hero_photo=PhotoFactory())
    photo = release.hero_photo
    login(client, press_officer)
    response = client.post(f"/admin/newsroom/photo/{photo.pk}/delete/", {"post": "yes"}, follow=True)
    text = response.content.decode()
    assert "Dieses Foto wird in „Arbeitskraft kennt keine Herkunft“ verwendet und kann nicht gelöscht werden." in text
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_unused_photo_can_be_deleted_and_its_files_go(press_officer, client, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    photo = PhotoFactory()
    name = photo.image.name
    login(client, press_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/newsroom/photo/{photo.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert not default_storage.exists(name)


def test_photo_library_searches_people_and_shows_use(editor_client):
    used = PhotoFactory(caption="Gäste in Polch", credit="Jobcenter")
    PhotoPersonFactory(photo=used, person=PersonFactory(name="Petra Kretzschmann"))
    PhotoFactory(caption="Anderes Bild", credit="Agentur")
    release = PressReleaseFactory(title="Arbeitskraft kennt keine Herkunft", hero_photo=used)
    listing = BeautifulSoup(editor_client.get("/admin/newsroom/photo/?q=Kretzschmann").content, "html.parser")
    rows = listing.select("#result_list tbody tr")
    assert len(rows) == 1 and "Gäste in Polch" in rows[0].get_text()
    assert "vollständig" in rows[0].get_text()
    for query in ["Agentur", "Anderes"]:
        assert "Anderes Bild" in editor_client.get(f"/admin/newsroom/photo/?q={query}").content.decode()
    change = BeautifulSoup(editor_client.get(f"/admin/newsroom/photo/{used.pk}/change/").content, "html.parser")
    link = change.select_one(".field-used_in a")
    assert link.get_text() == release.title
    assert link["href"] == f"/admin/newsroom/pressrelease/{release.pk}/change/"


def test_person_page_url_only_for_public_figures():
    assert PersonFactory(is_public_figure=False).get_absolute_url() == ""
    assert PersonFactory(is_public_figure=True, slug="pia").get_absolute_url() == "/personen/pia/"


def test_photo_add_form_offers_the_upload_and_consent_fields(editor_client):
    page = BeautifulSoup(editor_client.get("/admin/newsroom/photo/add/").content, "html.parser")
    assert page.select_one('input[type="file"][name="image"]')["accept"] == "image/jpeg,image/png,image/webp"
    for name in ["consent", "consent_given_on", "consent_until", "consent_ground", "consent_note"]:
        assert page.select_one(f'[name="shown-__prefix__-{name}"]'), name
    assert page.select_one('[name="usage_note"]')


def test_photo_library_costs_the_same_queries_for_more_photos(editor_client):
    def queries():
        return queries_of(editor_client, "/admin/newsroom/photo/")

    PhotoPersonFactory(photo=PressReleaseFactory(hero_photo=PhotoFactory()).hero_photo)
    one = queries()
    for _ in range(5):
        PhotoPersonFactory(photo=PressReleaseFactory(hero_photo=PhotoFactory()).hero_photo)
    assert queries() == one
