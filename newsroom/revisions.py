"""Revisions of whole releases (django-reversion): registration, restore, recovery.

django-reversion keeps every save of a release together with its sections,
quotes and photo placements. Its own ``revert()`` writes rows raw, skipping
``save()`` — and so ``clean_html`` — and it would also roll back the state.
``restore()`` therefore writes the old content through the models' ``save()``,
keeps the workflow state, skips what points at deleted people or photos and
names it, all in one transaction.
"""

import reversion
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from . import publishing
from .models import Action, Person, Photo, PressRelease, Quote, ReleasePhoto, Section, Status, Topic

# The content a restore brings back; state, number and publication time stay as they are.
RELEASE_CONTENT_FIELDS = ["title", "slug", "lead", "dateline", "press_contact_id", "hero_photo_id"]

reversion.register(Section)
reversion.register(Quote)
reversion.register(ReleasePhoto)
reversion.register(PressRelease, follow=["sections", "quotes", "photo_placements"])


class RevisionContent:
    """The stored objects of one revision of a release, as unsaved model instances."""

    def __init__(self, revision, release_pk):
        self.revision = revision
        self.release = None
        self.m2m = {}
        self.sections, self.quotes, self.placements = [], [], []
        buckets = {Section: self.sections, Quote: self.quotes, ReleasePhoto: self.placements}
        for version in revision.version_set.all():
            model = version._model
            stored = version._object_version
            if model is PressRelease and stored.object.pk == release_pk:
                self.release, self.m2m = stored.object, stored.m2m_data or {}
            elif model in buckets and stored.object.release_id == release_pk:
                buckets[model].append(stored.object)
        self.sections.sort(key=lambda section: (section.position, section.pk))


def release_versions(release):
    versions = Version.objects.get_for_object(release).select_related("revision__user")
    return versions.order_by("-revision__date_created", "-pk")


def _existing(model, pks):
    return set(model.objects.filter(pk__in=[pk for pk in pks if pk]).values_list("pk", flat=True))


def _apply_release_fields(release, old, m2m, missing):
    for field in RELEASE_CONTENT_FIELDS:
        setattr(release, field, getattr(old, field))
    if release.press_contact_id and not _existing(Person, [release.press_contact_id]):
        release.press_contact_id = None
        missing.append(_("the press contact (the person was deleted)"))
    if release.hero_photo_id and not _existing(Photo, [release.hero_photo_id]):
        release.hero_photo_id = None
        missing.append(_("the hero photo (the photo was deleted)"))
    if PressRelease.objects.exclude(pk=release.pk).filter(slug=release.slug).exists():
        release.slug = f"{release.slug}-{release.pk}"
        missing.append(_("the old address (another release uses it now)"))


def _apply_m2m(release, m2m, missing):
    topics = [int(pk) for pk in m2m.get("topics", [])]
    people = [int(pk) for pk in m2m.get("named_people", [])]
    kept_topics, kept_people = _existing(Topic, topics), _existing(Person, people)
    release.topics.set(kept_topics)
    release.named_people.set(kept_people)
    if len(kept_topics) < len(set(topics)):
        missing.append(_("topics that were deleted"))
    if len(kept_people) < len(set(people)):
        missing.append(_("named people who were deleted"))


def _apply_parts(release, content, missing):
    """Make the sections, quotes and placements those of ``content``, each through ``save()``."""
    keep_sections = {section.pk for section in content.sections}
    people = _existing(Person, [quote.person_id for quote in content.quotes])
    photos = _existing(Photo, [placement.photo_id for placement in content.placements])
    quotes = [q for q in content.quotes if q.person_id is None or q.person_id in people]
    placements = [p for p in content.placements if p.photo_id in photos]
    for quote in content.quotes:
        if quote not in quotes:
            missing.append(_("the quote “%(text)s” (its person was deleted)") % {"text": quote.text[:60]})
    for placement in content.placements:
        if placement not in placements:
            missing.append(_("a photo in section %(number)s (the photo was deleted)") % {
                "number": next((s.position for s in content.sections if s.pk == placement.section_id), "?")})
    # Remove what the old revision did not have first: a photo may be placed once per release.
    Quote.objects.filter(release=release).exclude(pk__in=[q.pk for q in quotes]).delete()
    ReleasePhoto.objects.filter(release=release).exclude(pk__in=[p.pk for p in placements]).delete()
    Section.objects.filter(release=release).exclude(pk__in=keep_sections).delete()
    for section in content.sections:
        section.release = release
        section.save()  # Section.save() passes the body through clean_html again.
    for item in [*quotes, *placements]:
        item.release = release
        item.save()


@transaction.atomic
def restore(release, version, *, by):
    """Make ``release``'s content that of ``version``'s revision; returns what could not come back.

    Guarantees: one transaction; change permission, and the publish permission
    for a published release; a withdrawn release stays as it was; the workflow state, number and
    publication time stay; every section body passes ``clean_html``; the restore
    becomes a revision and an audit entry of its own.
    """
    if not by.has_perm(publishing.CHANGE_PERMISSION):
        raise publishing.PublishingError(_("You are not allowed to change press releases."))
    release = PressRelease.objects.select_for_update().get(pk=release.pk)
    if release.status == Status.WITHDRAWN:
        raise publishing.PublishingError(_("A withdrawn release is kept as it was withdrawn."))
    if release.status == Status.PUBLISHED and not by.has_perm(publishing.PUBLISH_PERMISSION):
        raise publishing.PublishingError(_("Only press officers may change a published release."))
    content = RevisionContent(version.revision, release.pk)
    if content.release is None:
        raise publishing.PublishingError(_("This revision does not belong to this release."))
    missing = []
    _apply_release_fields(release, content.release, content.m2m, missing)
    release.updated_by = by
    release.save()
    _apply_m2m(release, content.m2m, missing)
    _apply_parts(release, content, missing)
    comment = _("Revision of %(when)s restored.") % {"when": publishing.when(version.revision.date_created)}
    if missing:
        comment += " " + _("Could not be restored: %(items)s.") % {"items": "; ".join(missing)}
    publishing.record_restore(release, by=by, action=Action.RESTORE, comment=comment)
    return release, missing


def deleted_releases():
    """The last version of each deleted release, newest first."""
    versions = Version.objects.get_deleted(PressRelease).select_related("revision__user")
    return versions.order_by("-revision__date_created")


@transaction.atomic
def recover(version, *, by):
    """Bring a deleted release back as a draft, with its parts; returns it and what could not come back."""
    if not by.has_perm(publishing.PUBLISH_PERMISSION):
        raise publishing.PublishingError(_("Only press officers may recover deleted releases."))
    pk = int(version.object_id)
    if PressRelease.objects.filter(pk=pk).exists():
        raise publishing.PublishingError(_("This release exists; it needs no recovery."))
    content = RevisionContent(version.revision, pk)
    old = content.release
    missing = []
    number, year = old.number, old.number_year
    if number is not None and PressRelease.objects.filter(number=number, number_year=year).exists():
        number = year = None
        missing.append(_("the release number (another release has it now)"))
    authors = get_user_model().objects.filter(pk=old.created_by_id)
    release = PressRelease(
        pk=pk, status=Status.DRAFT, number=number, number_year=year, published_at=old.published_at,
        created_by=authors.first(), created_at=old.created_at, updated_by=by,
    )
    _apply_release_fields(release, old, content.m2m, missing)
    release.save(force_insert=True)
    _apply_m2m(release, content.m2m, missing)
    _apply_parts(release, content, missing)
    comment = _("Recovered as a draft.")
    if missing:
        comment += " " + _("Could not be restored: %(items)s.") % {"items": "; ".join(missing)}
    release.status = Status.DRAFT
    publishing.record_restore(release, by=by, action=Action.RECOVER, comment=comment)
    return release, missing
