import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import Client

from newsroom.models import Person, Photo, PressRelease, Quote, Section, Status

pytestmark = pytest.mark.django_db

SLUG = "arbeitskraft-kennt-keine-herkunft"
DUPLICATED = "Zu Beginn begrüßte die Geschäftsführerin des Jobcenters"


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return PressRelease.objects.get(slug=SLUG)


def snapshot():
    from django.apps import apps

    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for model in apps.get_app_config("newsroom").get_models()
    }


def test_seed_release_is_loaded_and_published(demo):
    assert demo.status == Status.PUBLISHED
    assert demo.release_number == "PM 1/2026"
    assert demo.dateline == "Polch"
    assert demo.press_contact.email
    assert demo in PressRelease.objects.published()


def test_ten_people_with_one_rashid_and_two_kretz(demo):
    names = set(Person.objects.values_list("name", flat=True))
    assert len(names) == Person.objects.count() == 10
    assert {"Abdul-Ahmad Rashid", "Petra Kretzschmann", "Christoph Kretschmer"} <= names
    assert "Abdul Ahmad Rashid" not in names


def test_duplicated_paragraph_and_caption_appear_once(demo, client):
    bodies = "".join(Section.objects.values_list("body", flat=True))
    assert bodies.count(DUPLICATED) == 1
    html = client.get(demo.get_absolute_url()).content.decode()
    assert html.count(DUPLICATED) == 1
    # Text, not markup: names may be links to person pages.
    text = BeautifulSoup(html, "html.parser").get_text()
    assert text.count("v. l. n. r.: Petra Kretzschmann, Ricardo Amico, Maximiliam Mumm, Abdul-Ahmad Rashid") == 1


def test_every_quote_has_its_speaker_and_role(demo):
    quotes = Quote.objects.filter(release=demo)
    assert quotes.count() == 10
    visitor = quotes.filter(person=None)
    assert set(visitor.values_list("attribution", flat=True)) == {"Ein Besucher der Jobbörse"}
    for quote in quotes.exclude(person=None):
        assert quote.role
    assert quotes.get(text__startswith="Berufliche Integration").role == "Büroleiterin der Kreisverwaltung Mayen-Koblenz"


def test_sub_headings_open_sections(demo, client):
    headings = [s for s in demo.sections.values_list("heading", flat=True) if s]
    assert headings == [
        "Kommunale Perspektive: Integration als gemeinsame Aufgabe",
        "Praxis zeigt: Integration rechnet sich für Unternehmen",
        "Stimmen aus dem Leistungsbezug: Motivation und neue Perspektiven",
        "Netzwerke stärken, Potenziale sichtbar machen",
    ]
    html = client.get(demo.get_absolute_url()).content.decode()
    for heading in headings:
        assert f"<h2>{heading}</h2>" in html
    assert "Header Pressemeldungen" not in html


def test_photo_shows_four_people_in_order(demo):
    photo = Photo.objects.get()
    assert [p.name for p in photo.people_in_order] == [
        "Petra Kretzschmann", "Ricardo Amico", "Maximiliam Mumm", "Abdul-Ahmad Rashid"]
    assert photo.credit and photo.alt_text and photo.width == 1600


def test_second_run_changes_no_row(demo):
    before = snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_demo_accounts_can_log_into_the_admin(demo):
    for username, password in [("redaktion", "Redaktion-Demo-2026"), ("freigabe", "Freigabe-Demo-2026")]:
        client = Client()
        # Demo mode asks for no second factor: the password alone signs in (issue 7).
        response = client.post("/admin/account/login/", {
            "login_view-current_step": "auth", "auth-username": username, "auth-password": password})
        assert response.status_code == 302, username
        assert client.get("/admin/newsroom/pressrelease/").status_code == 200


def test_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not PressRelease.objects.exists()


def test_seed_feed_item_holds_every_sub_heading(demo, client):
    import feedparser

    feed = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content)
    assert not feed.bozo
    content = feed.entries[0].content[0].value
    for heading in filter(None, demo.sections.values_list("heading", flat=True)):
        assert f"<h2>{heading}</h2>" in content
    assert "Foto: Jobcenter Mayen-Koblenz" in content


def test_seed_photo_has_consent_renditions_and_no_metadata(demo, client):
    from django.core.files.storage import default_storage

    from newsroom.imaging import file_names

    from .test_photo_upload import assert_clean

    photo = Photo.objects.get()
    assert set(photo.shown.values_list("consent", flat=True)) == {"given"}
    assert len(photo.renditions) == 4
    for name in file_names(photo):
        with default_storage.open(name, "rb") as stored:
            assert_clean(stored.read())
    page = BeautifulSoup(client.get(demo.get_absolute_url()).content, "html.parser")
    assert page.select_one("figure.photo img[srcset]")
    assert page.select_one("figure.photo .download a").get_text() == "Pressefoto herunterladen"


def test_private_client_is_named_with_recorded_consent(demo):
    pikelna = Person.objects.get(name="Anastasiia Pikelna")
    assert not pikelna.is_public_figure and pikelna.naming_consent_on
    assert pikelna in demo.named_people.all()


def test_failed_load_leaves_no_photo_files(settings, monkeypatch):
    from pathlib import Path

    from newsroom import publishing

    settings.DEMO_MODE = True

    def refuse(release, **kwargs):
        raise publishing.PublishingError("simulated")

    monkeypatch.setattr(publishing, "publish", refuse)
    with pytest.raises(publishing.PublishingError):
        call_command("load_demo", stdout=open("/dev/null", "w"))
    assert not PressRelease.objects.exists() and not Photo.objects.exists()
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []
