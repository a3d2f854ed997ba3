import pytest
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError

from newsroom.models import PressRelease, Quote, Status

from .factories import (
    PersonFactory,
    PhotoFactory,
    PhotoPersonFactory,
    PressReleaseFactory,
    QuoteFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def assert_rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_slug_is_unique():
    PressReleaseFactory(slug="gleich")
    assert_rejected(lambda: PressReleaseFactory(slug="gleich"))


def test_release_number_is_unique_per_year():
    PressReleaseFactory(published=True, number=7, number_year=2026)
    PressReleaseFactory(published=True, number=7, number_year=2025)
    assert_rejected(lambda: PressReleaseFactory(published=True, number=7, number_year=2026))


def test_release_number_reads_like_a_citation():
    release = PressReleaseFactory(published=True, number=12, number_year=2026)
    assert release.release_number == "PM 12/2026"
    assert PressReleaseFactory().release_number == ""


def test_public_state_needs_time_and_number():
    assert_rejected(lambda: PressReleaseFactory(status=Status.PUBLISHED))


def test_status_must_be_one_of_the_four_states():
    assert_rejected(lambda: PressReleaseFactory(status="scheduled"))


def test_quote_needs_exactly_one_speaker():
    section = SectionFactory()
    assert_rejected(lambda: QuoteFactory(section=section, person=None, attribution=""))
    assert_rejected(lambda: QuoteFactory(section=section, person=PersonFactory(), attribution="Ein Besucher"))
    QuoteFactory(section=section, person=None, attribution="Ein Besucher der Jobbörse")


def test_quote_keeps_the_role_held_when_quoted():
    person = PersonFactory(role="Büroleiterin")
    quote = QuoteFactory(person=person)
    person.role = "Landrätin"
    person.save()
    quote.refresh_from_db()
    assert quote.role == "Büroleiterin"


def test_deleting_a_quoted_person_is_refused():
    quote = QuoteFactory()
    with pytest.raises(ProtectedError):
        quote.person.delete()
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_deleting_a_person_shown_in_a_photo_is_refused():
    shown = PhotoPersonFactory()
    with pytest.raises(ProtectedError):
        shown.person.delete()


def test_deleting_a_hero_photo_is_refused():
    release = PressReleaseFactory(hero_photo=PhotoFactory())
    with pytest.raises(ProtectedError):
        release.hero_photo.delete()


def test_photo_needs_alt_text_and_credit():
    assert_rejected(lambda: PhotoFactory(alt_text=""))
    assert_rejected(lambda: PhotoFactory(credit=""))


def test_a_person_is_shown_once_per_photo():
    shown = PhotoPersonFactory()
    assert_rejected(lambda: PhotoPersonFactory(photo=shown.photo, person=shown.person))


def test_contact_details_only_for_press_contacts():
    assert_rejected(lambda: PersonFactory(phone="0261 1234"))
    assert_rejected(lambda: PersonFactory(is_press_contact=True, is_public_figure=False))
    PersonFactory(is_press_contact=True, phone="0261 1234", email="presse@example.org")


def test_section_text_is_sanitized_on_save():
    section = SectionFactory(body='<p onclick="x()">Text<script>alert(1)</script></p>')
    section.refresh_from_db()
    assert section.body == "<p>Text</p>"


def test_deleting_a_release_deletes_its_parts():
    quote = QuoteFactory()
    quote.release.delete()
    assert not Quote.objects.exists()
    assert not PressRelease.objects.exists()


def test_body_pairs_sections_with_their_quotes_and_photos_in_order():
    release = PressReleaseFactory()
    first = SectionFactory(release=release, position=1)
    second = SectionFactory(release=release, position=2)
    late = QuoteFactory(section=second, position=3, text="später")
    early = QuoteFactory(section=second, position=1, text="früher")
    body = PressRelease.objects.with_body().get(pk=release.pk).body()
    assert [(section, items) for section, items in body] == [(first, []), (second, [early, late])]
