"""The editorial workflow through the admin's transition URLs, as each role would use them."""

import datetime
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from newsroom import publishing
from newsroom.models import Action, PressRelease, Status, WorkflowEvent

from .conftest import login
from .factories import PressReleaseFactory
from .workflow_helpers import STATES, change_url, fingerprint, release_in, second_officer, transition_url

pytestmark = pytest.mark.django_db

# (acting role, transition) -> the states from which it succeeds. Everything else is refused.
ALLOWED = {
    ("editor", "submit"): {"draft"},
    ("officer", "submit"): {"draft"},
    ("officer", "return"): {"review"},
    ("officer", "publish"): {"review"},
    ("officer", "force-publish"): {"draft", "review"},
    ("officer", "unschedule"): {"scheduled"},
    ("officer", "withdraw"): {"published", "scheduled"},
}
EXPECTED_STATUS = {
    "submit": Status.REVIEW, "return": Status.DRAFT, "publish": Status.PUBLISHED,
    "force-publish": Status.PUBLISHED, "unschedule": Status.REVIEW, "withdraw": Status.WITHDRAWN,
}
ACTIONS = list(EXPECTED_STATUS)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ["editor", "officer"])
@pytest.mark.parametrize("action", ACTIONS)
def test_role_state_matrix(client, editor, press_officer, role, state, action, django_capture_on_commit_callbacks):
    deciding_officer = second_officer()
    release = release_in(state, author=editor, officer=deciding_officer)
    login(client, {"editor": editor, "officer": press_officer}[role])
    before = fingerprint(release)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(transition_url(release, action), {"comment": "Bitte so.", "publish_at": ""})

    release.refresh_from_db()
    if state in ALLOWED.get((role, action), set()):
        assert response.status_code == 302, messages_of(response)
        assert release.status == EXPECTED_STATUS[action]
        event = WorkflowEvent.objects.filter(release=release).first()
        assert event.actor == {"editor": editor, "officer": press_officer}[role]
        assert event.to_status == release.status
    else:
        assert response.status_code == 200
        assert messages_of(response), "a refusal says why"
        assert fingerprint(release) == before


def test_unknown_transition_is_404(officer_client, editor):
    release = release_in("review", author=editor, officer=second_officer())
    assert officer_client.post(transition_url(release, "delete-everything")).status_code == 404


def test_anonymous_post_changes_nothing(client, editor):
    release = release_in("review", author=editor, officer=second_officer())
    before = fingerprint(release)
    response = client.post(transition_url(release, "publish"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert fingerprint(release) == before


def test_submitter_cannot_publish_own_release(officer_client, press_officer):
    release = release_in("draft", author=press_officer, officer=None)
    publishing.submit(release, by=press_officer)
    before = fingerprint(release)
    response = officer_client.post(transition_url(release, "publish"))
    assert fingerprint(release) == before
    assert "Sie haben diese Pressemeldung selbst eingereicht." in " ".join(messages_of(response))


def test_who_edited_after_submission_cannot_publish(client, editor, press_officer):
    release = release_in("review", author=editor, officer=None)
    login(client, press_officer)
    page = BeautifulSoup(client.get(change_url(release)).content, "html.parser")
    assert page.select_one("a.workflow-publish")
    data = {field["name"]: field.get("value", "") for field in page.select("form#pressrelease_form input")
            if field.get("name") and field.get("type") not in ("checkbox", "submit", "file")}
    for textarea in page.select("form#pressrelease_form textarea"):
        data[textarea["name"]] = textarea.get_text()
    data["title"] = "Vom Pressesprecher verbessert"
    assert client.post(change_url(release), data).status_code == 302
    release.refresh_from_db()
    assert release.title == "Vom Pressesprecher verbessert"

    before = fingerprint(release)
    response = client.post(transition_url(release, "publish"))
    assert fingerprint(release) == before
    assert "nach dem Einreichen bearbeitet" in " ".join(messages_of(response))
    page = BeautifulSoup(client.get(change_url(release)).content, "html.parser")
    assert not page.select_one("a.workflow-publish")
    assert page.select_one("a.workflow-force-publish")


def test_force_publish_needs_a_reason_and_is_recorded(officer_client, press_officer):
    release = release_in("draft", author=press_officer, officer=None)
    before = fingerprint(release)
    response = officer_client.post(transition_url(release, "force-publish"), {"comment": ""})
    assert fingerprint(release) == before
    assert response.status_code == 200

    response = officer_client.post(transition_url(release, "force-publish"), {"comment": "Eilmeldung zur Schließung"})
    assert response.status_code == 302
    event = WorkflowEvent.objects.filter(release=release).first()
    assert (event.action, event.is_forced, event.comment) == (Action.PUBLISH, True, "Eilmeldung zur Schließung")
    page = BeautifulSoup(officer_client.get(change_url(release)).content, "html.parser")
    trail = page.select_one("table.workflow-events").get_text(" ", strip=True)
    assert "Vier-Augen-Prinzip übergangen" in trail and "Eilmeldung zur Schließung" in trail


def test_one_person_office_skips_the_reason_but_not_the_record(settings, officer_client, press_officer):
    settings.NEWSROOM_FORCE_PUBLISH_WITHOUT_REASON = True
    release = release_in("draft", author=press_officer, officer=None)
    assert officer_client.post(transition_url(release, "force-publish"), {"comment": ""}).status_code == 302
    event = WorkflowEvent.objects.filter(release=release).first()
    assert event.is_forced and event.actor == press_officer


def test_return_needs_a_comment(officer_client, editor):
    release = release_in("review", author=editor, officer=None)
    before = fingerprint(release)
    officer_client.post(transition_url(release, "return"), {"comment": "  "})
    assert fingerprint(release) == before


def test_schedule_in_the_past_publishes_now_and_says_so(officer_client, editor):
    release = release_in("review", author=editor, officer=None)
    past = timezone.localtime() - datetime.timedelta(hours=2)
    response = officer_client.post(
        transition_url(release, "publish"), {"publish_at": past.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert release.published_at > timezone.now() - datetime.timedelta(minutes=1)
    assert release in PressRelease.objects.published()
    assert any("wurde deshalb jetzt veröffentlicht" in message for message in messages_of(response))


def test_schedule_in_the_future(officer_client, editor):
    release = release_in("review", author=editor, officer=None)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    response = officer_client.post(
        transition_url(release, "publish"), {"publish_at": tomorrow.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED
    assert release.published_at == tomorrow.replace(second=0, microsecond=0)
    assert release not in PressRelease.objects.published()
    assert any("Geplant" in message for message in messages_of(response))


def test_editor_sees_published_release_read_only(editor_client, editor):
    release = release_in("published", author=editor, officer=second_officer())
    page = BeautifulSoup(editor_client.get(change_url(release)).content, "html.parser")
    assert page.select_one("input[name=title]") is None
    assert release.title in page.get_text()
    before = fingerprint(release)
    response = editor_client.post(change_url(release), {"title": "Heimlich geändert", "edit_token": ""})
    assert response.status_code == 403
    assert fingerprint(release) == before
    assert PressRelease.objects.get(pk=release.pk).title != "Heimlich geändert"


def test_published_release_cannot_be_deleted(officer_client, editor):
    release = release_in("published", author=editor, officer=second_officer())
    assert officer_client.post(f"/admin/newsroom/pressrelease/{release.pk}/delete/", {"post": "yes"}).status_code == 403
    assert PressRelease.objects.filter(pk=release.pk).exists()


class TestMails:
    def test_submit_tells_the_press_officers(self, client, editor, press_officer, django_capture_on_commit_callbacks):
        other = second_officer()
        release = release_in("draft", author=editor, officer=None)
        login(client, editor)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(transition_url(release, "submit"))
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert sorted(message.to) == sorted([press_officer.email, other.email])
        assert release.title in message.subject
        assert f"/admin/newsroom/pressrelease/{release.pk}/change/" in message.body

    def test_return_tells_the_author_with_the_comment(self, officer_client, editor, django_capture_on_commit_callbacks):
        release = release_in("review", author=editor, officer=None)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            officer_client.post(transition_url(release, "return"), {"comment": "Zitat bitte freigeben lassen."})
        assert [message.to for message in mail.outbox] == [[editor.email]]
        assert "Zitat bitte freigeben lassen." in mail.outbox[0].body
        assert f"/admin/newsroom/pressrelease/{release.pk}/change/" in mail.outbox[0].body

    def test_schedule_tells_the_author_the_time(self, officer_client, editor, django_capture_on_commit_callbacks):
        release = release_in("review", author=editor, officer=None)
        mail.outbox.clear()
        at = timezone.localtime().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
        with django_capture_on_commit_callbacks(execute=True):
            officer_client.post(transition_url(release, "publish"), {"publish_at": at.strftime("%Y-%m-%dT%H:%M")})
        assert [message.to for message in mail.outbox] == [[editor.email]]
        assert mail.outbox[0].subject.startswith("Geplant")
        assert at.strftime("%H:%M") in mail.outbox[0].body
        assert f"{at.day}. " in mail.outbox[0].body

    def test_publish_tells_the_author(self, officer_client, editor, django_capture_on_commit_callbacks):
        release = release_in("review", author=editor, officer=None)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            officer_client.post(transition_url(release, "publish"))
        assert [message.to for message in mail.outbox] == [[editor.email]]
        assert mail.outbox[0].subject.startswith("Veröffentlicht")

    def test_return_also_tells_who_submitted_for_the_author(
        self, officer_client, editor, django_capture_on_commit_callbacks
    ):
        from .conftest import staff_user

        colleague = staff_user("vertretung", "Redaktion")
        release = release_in("draft", author=editor, officer=None)
        publishing.submit(release, by=colleague)
        with django_capture_on_commit_callbacks(execute=True):
            officer_client.post(transition_url(release, "return"), {"comment": "Bitte kürzen."})
        assert sorted(mail.outbox[-1].to) == sorted([editor.email, colleague.email])

    def test_refused_transition_sends_nothing(self, editor_client, editor, django_capture_on_commit_callbacks):
        release = release_in("review", author=editor, officer=None)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(transition_url(release, "publish"))
        assert mail.outbox == []


def test_correction_needs_a_note_and_a_public_one_shows_and_moves_the_feed(client, editor, press_officer, time_machine):
    release = release_in("published", author=editor, officer=second_officer())
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=3))
    login(client, press_officer)  # after the clock moved: staff sessions end after an idle hour (#7)
    page = BeautifulSoup(client.get(change_url(release)).content, "html.parser")
    assert page.select_one("textarea[name=change_note]")
    data = form_data(page)
    data["lead"] = "Korrigierter Vorspann."
    response = client.post(change_url(release), data)
    assert response.status_code == 200  # refused: no change note
    assert PressRelease.objects.get(pk=release.pk).lead != "Korrigierter Vorspann."

    data.update(change_note="Datum der Veranstaltung korrigiert.", change_note_is_public="on")
    assert client.post(change_url(release), data).status_code == 302
    event = WorkflowEvent.objects.filter(release=release).first()
    assert (event.action, event.is_public, event.to_status) == (Action.CORRECT, True, Status.PUBLISHED)

    client.logout()
    detail = BeautifulSoup(client.get(release.get_absolute_url()).content, "html.parser")
    note = detail.select_one(".change-notes").get_text(" ", strip=True)
    assert note.startswith("Aktualisiert am") and "Datum der Veranstaltung korrigiert." in note
    assert "Korrigierter Vorspann." in detail.get_text()
    response = client.get("/pressemeldungen/feed/rss/")
    # The feed's entry dates itself by the note; the HTTP validator moves at least as far (issue 5).
    assert feedparser.parse(response.content).entries[0].updated_parsed[:6] == event.created_at.utctimetuple()[:6]
    assert parsedate_to_datetime(response["Last-Modified"]) >= event.created_at.replace(microsecond=0)


def test_internal_change_note_stays_internal(client, editor, press_officer):
    release = release_in("published", author=editor, officer=second_officer())
    login(client, press_officer)
    data = form_data(BeautifulSoup(client.get(change_url(release)).content, "html.parser"))
    data.update(lead="Tippfehler behoben.", change_note="Tippfehler im Vorspann")
    assert client.post(change_url(release), data).status_code == 302
    client.logout()
    page = client.get(release.get_absolute_url()).content.decode()
    assert "Tippfehler behoben." in page and "Tippfehler im Vorspann" not in page
    # The feed's date stays the publication time: an internal note is not news. (The HTTP
    # Last-Modified does move, since the bytes changed: newsroom.freshness, issue 5.)
    entry = feedparser.parse(client.get("/pressemeldungen/feed/rss/").content).entries[0]
    release.refresh_from_db()
    assert entry.updated_parsed[:6] == release.published_at.utctimetuple()[:6]
    assert WorkflowEvent.objects.filter(release=release, action=Action.CORRECT, is_public=False).exists()


def form_data(page):
    """What a browser would submit from the admin's change form, unchanged."""
    form = page.select_one("form#pressrelease_form")
    data = {}
    for field in form.select("input"):
        name, kind = field.get("name"), field.get("type", "text")
        if not name or kind in ("submit", "file", "button"):
            continue
        if kind == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
            continue
        data[name] = field.get("value", "")
    for textarea in form.select("textarea"):
        data[textarea["name"]] = textarea.get_text().lstrip("\n")
    for select in form.select("select"):
        chosen = [option.get("value", "") for option in select.select("option[selected]")]
        if select.has_attr("multiple"):
            data[select["name"]] = chosen
        else:
            data[select["name"]] = chosen[0] if chosen else ""
    return data


def test_unschedule_by_hand_is_offered_only_for_scheduled(officer_client, editor):
    release = release_in("scheduled", author=editor, officer=second_officer())
    page = BeautifulSoup(officer_client.get(change_url(release)).content, "html.parser")
    assert page.select_one("a.workflow-unschedule")
    assert page.select_one("a.workflow-withdraw")
    published = release_in("published", author=editor, officer=second_officer(), slug="andere")
    page = BeautifulSoup(officer_client.get(change_url(published)).content, "html.parser")
    assert not page.select_one("a.workflow-unschedule")


def test_factory_release_in_review_without_submission_cannot_be_published(officer_client):
    release = PressReleaseFactory(status=Status.REVIEW)
    before = fingerprint(release)
    officer_client.post(transition_url(release, "publish"))
    assert fingerprint(release) == before


def test_release_list_shows_scheduled_releases_with_their_time(officer_client, editor):
    release = release_in("scheduled", author=editor, officer=second_officer())
    page = BeautifulSoup(officer_client.get("/admin/newsroom/pressrelease/").content, "html.parser")
    state = page.select_one("#result_list td.field-workflow_state").get_text()
    assert state == f"Geplant für {publishing.when(release.published_at)}"


def test_save_and_submit_keeps_the_edit_and_submits(editor_client, editor, django_capture_on_commit_callbacks):
    second_officer()
    release = release_in("draft", author=editor, officer=None)
    page = BeautifulSoup(editor_client.get(change_url(release)).content, "html.parser")
    assert page.select_one("input[name=_save_and_submit]")
    data = form_data(page)
    data.update(title="Letzter Schliff", _save_and_submit="1")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(release), data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert (release.title, release.status) == ("Letzter Schliff", Status.REVIEW)
    assert [message.subject for message in mail.outbox] == ["Zur Freigabe: Letzter Schliff"]
