"""Keeps every release's search document current.

The document is rebuilt in the same transaction that changes a release, a section,
a quote or a quoted person, so it never disagrees with committed content. Signals
also fire for raw saves (fixtures, django-reversion restores), which is why this is
a signal and not a ``save()`` override.
"""

import html
import re

from django.db import connection, transaction
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

# Control characters (NUL included) have no place in text or queries; PostgreSQL rejects NUL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
WHITESPACE = re.compile(r"\s+")


TAG = re.compile(r"<[^>]*>")


def text_of_html(value):
    """The text of cleaned rich text (sections)."""
    try:
        text = strip_tags(value or "")
    except AssertionError:
        # Python's HTMLParser gives up on some malformed markup ("<![>"); cleaned
        # HTML never has it, but a search must not fail on it either.
        text = TAG.sub(" ", value or "")
    return html.unescape(text)


def plain(value):
    """Plain text as one line, without control characters. Titles, leads and quotes are
    plain text: "<" in them is a character, not markup, and stays."""
    return WHITESPACE.sub(" ", CONTROL_CHARACTERS.sub(" ", str(value or ""))).strip()


def document_parts(release):
    """(title, lead, body) of a release as plain text; body holds sections and quotes.

    Reads plain fields only, so the data migration can call it with historical models.
    """
    body = []
    for section in release.sections.all():
        body += [plain(section.heading), plain(text_of_html(section.body))]
    for quote in release.quotes.all():
        speaker = quote.person.name if quote.person_id else quote.attribution
        body += [plain(quote.text), plain(speaker), plain(quote.role)]
    return plain(release.title), plain(release.lead), " ".join(part for part in body if part)


def rebuild_document(release, document_model=None, using=None):
    """Write the search document of ``release`` (model classes injectable for migrations)."""
    from django.contrib.postgres.search import SearchVector
    from django.db.models import Value

    if document_model is None:
        from .models import SearchDocument as document_model
    title, lead, body = document_parts(release)
    text = " ".join(part for part in (title, lead, body) if part)
    document_model.objects.using(using).update_or_create(
        release_id=release.pk, defaults={"text": text, "folded": text.casefold()}
    )
    db = connection if using is None else transaction.get_connection(using)
    if db.vendor == "postgresql":
        # Title counts most, then the lead, then the body (ranking).
        vector = (
            SearchVector(Value(title), weight="A", config="german")
            + SearchVector(Value(lead), weight="B", config="german")
            + SearchVector(Value(body), weight="C", config="german")
        )
        document_model.objects.using(using).filter(release_id=release.pk).update(vector=vector)


def rebuild(release_pk):
    from .models import PressRelease, Quote

    release = (
        PressRelease.objects.filter(pk=release_pk)
        .prefetch_related("sections", Prefetch("quotes", queryset=Quote.objects.select_related("person")))
        .first()
    )
    if release is not None:
        rebuild_document(release)


def schedule_rebuild(release_pk):
    """Rebuild now, inside the writing transaction: a rollback takes the rebuild with it,
    and the last write of a transaction leaves the document matching what commits."""
    if release_pk is not None:
        rebuild(release_pk)


def _release_changed(sender, instance, **kwargs):
    schedule_rebuild(instance.pk)


def _part_changed(sender, instance, origin=None, **kwargs):
    from .models import PressRelease

    # Deleting a whole release cascades here; its document goes with it.
    if isinstance(origin, PressRelease) or getattr(origin, "model", None) is PressRelease:
        return
    schedule_rebuild(instance.release_id)


def _person_changed(sender, instance, **kwargs):
    # A renamed speaker changes what finds the quotes.
    for release_pk in instance.quotes.values_list("release_id", flat=True).distinct():
        schedule_rebuild(release_pk)


def connect():
    from .models import Person, PressRelease, Quote, Section

    post_save.connect(_release_changed, sender=PressRelease, dispatch_uid="search_release_saved")
    for model in (Section, Quote):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"search_{model.__name__}_saved")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"search_{model.__name__}_deleted")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="search_person_saved")
