"""Revisions of whole releases, restore and recovery, and the guard against lost edits."""

import json

import pytest
import reversion
from bs4 import BeautifulSoup
from reversion.models import Version

from newsroom import publishing
from newsroom.models import Action, Person, Photo, PressRelease, Section, Status, WorkflowEvent

from .conftest import login, staff_user
from .factories import (
    PressReleaseFactory,
    QuoteFactory,
    ReleasePhotoFactory,
    SectionFactory,
)
from .test_workflow import form_data
from .workflow_helpers import change_url, release_in, second_officer

pytestmark = pytest.mark.django_db


def keep_revision(release, user, comment="Test"):
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(release)
    return Version.objects.get_for_object(release).first()


def release_with_parts(author):
    release = PressReleaseFactory(created_by=author, updated_by=author)
    first = SectionFactory(release=release, position=1, heading="Erster", body="<p>Alter erster Text.</p>")
    second = SectionFactory(release=release, position=2, heading="Zweiter", body="<p>Alter zweiter Text.</p>")
    quote = QuoteFactory(release=release, section=second, text="Altes Zitat.")
    placement = ReleasePhotoFactory(release=release, section=first)
    return release, first, second, quote, placement


def plant(version, model, pk, **fields):
    """Plant ``fields`` in the stored data of one object of a revision, as someone with DB access could."""
    stored = Version.objects.get(revision=version.revision, content_type__model=model, object_id=str(pk))
    data = json.loads(stored.serialized_data)
    data[0]["fields"].update(fields)
    stored.serialized_data = json.dumps(data)
    stored.save()


def restore_url(release, version):
    return f"/admin/newsroom/pressrelease/{release.pk}/revisions/{version.pk}/restore/"


def test_admin_save_keeps_a_revision_of_the_whole_release(editor_client, editor):
    release, first, second, quote, placement = release_with_parts(editor)
    data = form_data(BeautifulSoup(editor_client.get(change_url(release)).content, "html.parser"))
    data["sections-1-body"] = "<p>Neuer zweiter Text.</p>"
    assert editor_client.post(change_url(release), data).status_code == 302
    revision = Version.objects.get_for_object(release).first().revision
    stored = {(v.content_type.model, v.object_id) for v in revision.version_set.all()}
    assert stored >= {("pressrelease", str(release.pk)), ("section", str(first.pk)), ("section", str(second.pk)),
                      ("quote", str(quote.pk)), ("releasephoto", str(placement.pk))}
    assert revision.user == editor
    second_stored = revision.version_set.get(content_type__model="section", object_id=str(second.pk))
    assert second_stored.field_dict["body"] == "<p>Neuer zweiter Text.</p>"


def test_each_state_change_keeps_a_revision(editor):
    release = release_in("draft", author=editor, officer=None)
    publishing.submit(release, by=editor)
    version = Version.objects.get_for_object(release).first()
    assert version.field_dict["status"] == Status.REVIEW
    assert version.revision.user == editor


def test_restore_brings_back_sections_and_quotes_and_cleans_planted_html(client, editor):
    release, first, second, quote, placement = release_with_parts(editor)
    old = keep_revision(release, editor)
    plant(old, "section", second.pk, body='<p onclick="steal()">Alter zweiter Text.</p><script>alert(1)</script>'
                                           '<a href="javascript:alert(2)">Link</a>')
    # Later edits: a section removed (with its quote), another rewritten, a new one added.
    second_pk = second.pk
    second.delete()
    Section.objects.filter(pk=first.pk).update(body="<p>Neu.</p>")
    SectionFactory(release=release, position=3, body="<p>Ganz neu.</p>")
    keep_revision(release, editor, "später")

    login(client, editor)
    response = client.post(restore_url(release, old))
    assert response.status_code == 302
    sections = list(release.sections.order_by("position"))
    assert [(s.pk, s.heading) for s in sections] == [(first.pk, "Erster"), (second_pk, "Zweiter")]
    assert sections[0].body == "<p>Alter erster Text.</p>"
    restored = sections[1].body
    assert "Alter zweiter Text." in restored
    for hostile in ["<script", "onclick", "javascript:", "alert(1)"]:
        assert hostile not in restored
    assert list(release.quotes.values_list("pk", "text")) == [(quote.pk, "Altes Zitat.")]
    assert release.photo_placements.get().pk == placement.pk
    event = WorkflowEvent.objects.filter(release=release).first()
    assert event.action == Action.RESTORE and event.actor == editor
    # The restore is a revision of its own.
    assert Version.objects.get_for_object(release).first().revision.comment == str(Action.RESTORE.label)


def test_restore_keeps_the_state_and_names_what_was_deleted(client, editor, press_officer):
    release, first, second, quote, placement = release_with_parts(editor)
    speaker = quote.person
    speaker.name = "Maria Muster"
    speaker.save()
    photo = placement.photo
    old = keep_revision(release, editor)
    quote.delete()
    placement.delete()
    Person.objects.filter(pk=speaker.pk).delete()
    Photo.objects.filter(pk=photo.pk).delete()
    publishing.submit(release, by=editor)

    login(client, press_officer)
    response = client.post(restore_url(release, old), follow=True)
    release.refresh_from_db()
    assert release.status == Status.REVIEW
    assert release.sections.count() == 2
    assert not release.quotes.exists() and not release.photo_placements.exists()
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Nicht wiederhergestellt werden konnte" in messages
    assert "Altes Zitat." in messages and "Foto in Abschnitt 1" in messages


def test_editor_cannot_restore_a_published_release(client, editor):
    release = release_in("published", author=editor, officer=second_officer())
    old = Version.objects.get_for_object(release).last()
    PressRelease.objects.filter(pk=release.pk).update(title="Aktueller Titel")
    login(client, editor)
    client.post(restore_url(release, old))
    release.refresh_from_db()
    assert release.title == "Aktueller Titel"
    assert not WorkflowEvent.objects.filter(release=release, action=Action.RESTORE).exists()


def test_revision_list_and_compare_mark_the_changes(editor_client, editor):
    release, first, second, quote, placement = release_with_parts(editor)
    old = keep_revision(release, editor)
    PressRelease.objects.filter(pk=release.pk).update(title="Neuer Titel")
    Section.objects.filter(pk=first.pk).update(body="<p>Alter erster Text, ergänzt.</p>")
    release.refresh_from_db()
    new = keep_revision(release, editor)

    url = f"/admin/newsroom/pressrelease/{release.pk}/revisions/"
    page = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert len(page.select("table.revisions tbody tr")) == 2
    page = BeautifulSoup(editor_client.get(url, {"a": old.pk, "b": new.pk}).content, "html.parser")
    changed = {row.th.get_text(" ", strip=True): row for row in page.select("table.revision-compare tr.changed")}
    assert "Titel (geändert)" in changed
    assert changed["Titel (geändert)"].select_one("ins").get_text() == "Neuer Titel"
    text_row = next(row for label, row in changed.items() if label.startswith("Abschnitt 1: Text"))
    assert text_row.select_one("ins").get_text() == "Text, ergänzt."
    assert not any(label.startswith("Abschnitt 2") for label in changed)


def test_deleted_release_can_be_recovered(client, editor, press_officer):
    release, first, second, quote, placement = release_with_parts(editor)
    keep_revision(release, editor)
    login(client, press_officer)
    assert client.post(f"/admin/newsroom/pressrelease/{release.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not PressRelease.objects.filter(pk=release.pk).exists()

    page = BeautifulSoup(client.get("/admin/newsroom/pressrelease/deleted/").content, "html.parser")
    form = page.select_one("form[action$='/recover/']")
    assert release.title in page.get_text()
    assert client.post(form["action"]).status_code == 302
    recovered = PressRelease.objects.get(pk=release.pk)
    assert recovered.status == Status.DRAFT
    assert list(recovered.sections.values_list("heading", flat=True)) == ["Erster", "Zweiter"]
    assert recovered.quotes.get().text == "Altes Zitat."
    assert WorkflowEvent.objects.filter(release=recovered, action=Action.RECOVER).exists()


def test_editor_cannot_see_or_recover_deleted(editor_client, editor, press_officer):
    release, *_parts = release_with_parts(editor)
    keep_revision(release, editor)
    release.delete()
    assert editor_client.get("/admin/newsroom/pressrelease/deleted/").status_code == 403
    version = Version.objects.get_deleted(PressRelease).get()
    editor_client.post(f"/admin/newsroom/pressrelease/deleted/{version.pk}/recover/")
    assert not PressRelease.objects.filter(pk=release.pk).exists()


def test_second_save_of_a_stale_form_is_refused_even_if_only_an_inline_changed(client, editor):
    colleague = staff_user("kollegin", "Redaktion")
    colleague.first_name, colleague.last_name = "Karla", "Kollegin"
    colleague.save()
    release, first, second, quote, placement = release_with_parts(editor)

    login(client, editor)
    mine = form_data(BeautifulSoup(client.get(change_url(release)).content, "html.parser"))
    from django.test import Client

    other = login(Client(), colleague)
    theirs = form_data(BeautifulSoup(other.get(change_url(release)).content, "html.parser"))

    theirs["title"] = "Titel der Kollegin"
    assert other.post(change_url(release), theirs).status_code == 302

    mine["sections-1-body"] = "<p>Mein sorgfältig getippter Absatz.</p>"
    response = client.post(change_url(release), mine)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    error = page.select_one(".errornote, .errorlist.nonfield").get_text(" ", strip=True) + " ".join(
        e.get_text(" ", strip=True) for e in page.select(".errorlist.nonfield"))
    assert "Karla Kollegin hat diese Pressemeldung am" in error
    assert "NICHT gespeichert" in error
    assert "Mein sorgfältig getippter Absatz." in page.select_one("textarea[name='sections-1-body']").get_text()
    release.refresh_from_db()
    second.refresh_from_db()
    assert release.title == "Titel der Kollegin"
    assert second.body == "<p>Alter zweiter Text.</p>"


def test_release_never_saved_in_the_admin_is_recoverable_after_deletion(client, editor, press_officer):
    release, *_parts = release_with_parts(editor)
    assert not Version.objects.get_for_object(release).exists()
    login(client, press_officer)
    client.post(f"/admin/newsroom/pressrelease/{release.pk}/delete/", {"post": "yes"})
    version = Version.objects.get_deleted(PressRelease).get()
    assert client.post(f"/admin/newsroom/pressrelease/deleted/{version.pk}/recover/").status_code == 302
    assert PressRelease.objects.get(pk=release.pk).sections.count() == 2


def test_no_bulk_delete(officer_client):
    release = PressReleaseFactory(status=Status.DRAFT)
    officer_client.post(
        "/admin/newsroom/pressrelease/", {"action": "delete_selected", "_selected_action": [release.pk], "post": "yes"}
    )
    assert PressRelease.objects.filter(pk=release.pk).exists()


def test_withdrawn_release_is_not_restored(officer_client, editor):
    release = release_in("withdrawn", author=editor, officer=second_officer())
    old = Version.objects.get_for_object(release).last()
    PressRelease.objects.filter(pk=release.pk).update(title="Titel beim Rückzug")
    officer_client.post(restore_url(release, old))
    assert PressRelease.objects.get(pk=release.pk).title == "Titel beim Rückzug"


def test_a_step_taken_while_the_form_was_open_also_refuses_the_stale_save(client, editor, press_officer):
    press_officer.first_name, press_officer.last_name = "Paul", "Presse"
    press_officer.save()
    release = release_in("review", author=editor, officer=None)
    login(client, editor)
    mine = form_data(BeautifulSoup(client.get(change_url(release)).content, "html.parser"))
    publishing.return_to_draft(release, by=press_officer, comment="Bitte Zitat prüfen.")
    mine["lead"] = "Mein neuer Vorspann."
    response = client.post(change_url(release), mine)
    assert response.status_code == 200
    assert "Paul Presse hat diese Pressemeldung am" in response.content.decode()
    assert PressRelease.objects.get(pk=release.pk).lead != "Mein neuer Vorspann."
