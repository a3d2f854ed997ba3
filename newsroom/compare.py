"""Field-by-field comparison of two revisions of a release, with the changes marked.

Small on purpose: a release has a handful of fields and its parts, so a word
diff from the standard library is enough; django-reversion-compare would bring
its own views and templates next to ours.
"""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import Person, Photo, Topic
from .revisions import RevisionContent


def _names(model, pks):
    return ", ".join(str(obj) for obj in model.objects.filter(pk__in=[int(pk) for pk in pks])) if pks else ""


def _text(html):
    return re.sub(r"\s+", " ", strip_tags(html or "").replace("&nbsp;", " ")).strip()


def snapshot(revision, release_pk):
    """The readable content of one revision as ordered (label, text) pairs."""
    content = RevisionContent(revision, release_pk)
    old = content.release
    people = {p.pk: p.name for p in Person.objects.filter(pk__in=[q.person_id for q in content.quotes if q.person_id])}
    photos = {p.pk: str(p) for p in Photo.objects.filter(pk__in=[p.photo_id for p in content.placements])}
    rows = [
        (_("title"), old.title),
        (_("slug"), old.slug),
        (_("lead"), old.lead),
        (_("dateline place"), old.dateline),
        (_("press contact"), _names(Person, [old.press_contact_id] if old.press_contact_id else [])),
        (_("hero photo"), _names(Photo, [old.hero_photo_id] if old.hero_photo_id else [])),
        (_("topics"), _names(Topic, content.m2m.get("topics", []))),
        (_("people named"), _names(Person, content.m2m.get("named_people", []))),
    ]
    number_of = {section.pk: section.position for section in content.sections}
    for section in content.sections:
        label = _("Section %(number)s") % {"number": section.position}
        rows.append((f"{label}: {_('sub-heading')}", section.heading))
        rows.append((f"{label}: {_('text')}", _text(section.body)))
    for quote in sorted(content.quotes, key=lambda q: (number_of.get(q.section_id, 0), q.position, q.pk)):
        label = _("Quote %(position)s in section %(number)s") % {
            "position": quote.position, "number": number_of.get(quote.section_id, "?")}
        speaker = people.get(quote.person_id, _("(deleted person)")) if quote.person_id else quote.attribution
        rows.append((label, f"„{quote.text}“ – {speaker}{', ' + quote.role if quote.role else ''}"))
    for placement in sorted(content.placements, key=lambda p: (number_of.get(p.section_id, 0), p.position, p.pk)):
        label = _("Photo %(position)s in section %(number)s") % {
            "position": placement.position, "number": number_of.get(placement.section_id, "?")}
        rows.append((label, photos.get(placement.photo_id, _("(deleted photo)"))))
    return rows


def word_diff(old, new):
    """HTML of ``new`` against ``old``: removed words in <del>, added words in <ins>."""
    old_words, new_words = old.split(" "), new.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(old_words[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(new_words[j1:j2]))}</ins>")
    return mark_safe(" ".join(part for part in parts if part))  # every piece is escaped above


def compare(old_revision, new_revision, release_pk):
    """Rows (label, old text, new text, changed, marked diff) over the labels of both revisions."""
    old_rows, new_rows = dict(snapshot(old_revision, release_pk)), dict(snapshot(new_revision, release_pk))
    labels = list(new_rows) + [label for label in old_rows if label not in new_rows]
    rows = []
    for label in labels:
        old, new = old_rows.get(label, ""), new_rows.get(label, "")
        rows.append({"label": label, "old": old, "new": new, "changed": old != new, "diff": word_diff(old, new)})
    return rows


