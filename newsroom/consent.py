"""Consent rules for photos (sections 22, 23 KUG) and for naming private people.

A photo may be public only while every person shown has valid consent or needs
none. Validity is decided at render time with ``now``, so an expired consent
takes the photo off pages and feeds the moment it ends, without a job; caches
bound their lifetime with ``next_consent_expiry(now)``.
"""

import datetime

from django.db.models import Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .freshness import ChangeSource, read_with_clock
from .models import Consent, PhotoPerson


def consent_is_valid(shown, now):
    """Whether the person ``shown`` (a ``PhotoPerson``) may be shown at ``now``.

    Dates are whole days in the site's time zone: consent "until 31 December"
    covers that day and ends at the following midnight.
    """
    if shown.consent == Consent.NOT_REQUIRED:
        return True
    if shown.consent != Consent.GIVEN or shown.consent_given_on is None:
        return False
    today = timezone.localdate(now)
    return shown.consent_given_on <= today and (shown.consent_until is None or today <= shown.consent_until)


def photo_is_public(photo, now):
    """Every person shown has valid consent or needs none (reads prefetched ``shown``)."""
    return all(consent_is_valid(shown, now) for shown in photo.shown.all())


def public_hero(release, now):
    """The hero photo while everyone in it may be shown at ``now``, else None: what link
    previews and JSON-LD may show. Reads the people prefetched with the page: those of
    the placement when the hero is placed in the text."""
    hero = release.hero_photo
    if hero is None:
        return None
    placed = next((placement.photo for placement in release.photo_placements.all()
                   if placement.photo_id == hero.pk), hero)
    return placed if photo_is_public(placed, now) else None


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def consent_date_annotations(now):
    """The days around ``now`` on which a photo's visibility changes, as subqueries for
    the freshness query: the next consent to end or start, and the last that did.

    Read with every public response (``newsroom.freshness``): four probes of the
    partial indexes on ``PhotoPerson``.
    """
    today = timezone.localdate(now)
    given = PhotoPerson.objects.filter(consent=Consent.GIVEN)

    def first(condition, order):
        return Subquery(given.filter(**condition).order_by(order).values(order.lstrip("-"))[:1])

    return {
        # A consent "until 30 June" ends at the midnight after that day.
        "consent_ends": first({"consent_until__gte": today}, "consent_until"),
        "consent_starts": first({"consent_given_on__gt": today}, "consent_given_on"),
        "consent_ended": first({"consent_until__lt": today}, "-consent_until"),
        "consent_started": first({"consent_given_on__lte": today}, "-consent_given_on"),
    }


def _moments(ends, starts):
    moments = [day_start(ends + datetime.timedelta(days=1))] if ends else []
    return moments + ([day_start(starts)] if starts else [])


def next_consent_change(values, now):
    """From ``consent_date_annotations``' values: the midnight after the earliest
    ``consent_until`` still running, or the start of a consent recorded ahead of time."""
    return min(_moments(values["consent_ends"], values["consent_starts"]), default=None)


def last_consent_change(values, now):
    """From ``consent_date_annotations``' values: the latest such moment up to ``now``."""
    return max(_moments(values["consent_ended"], values["consent_started"]), default=None)


CONSENT_DATES = ChangeSource(consent_date_annotations, upcoming=next_consent_change, passed=last_consent_change)


def next_consent_expiry(now):
    """The next moment after ``now`` at which a photo's visibility changes by date, or None.

    Page caches must not outlive it.
    """
    return next_consent_change(read_with_clock(**consent_date_annotations(now)), now)


def release_photos(release):
    photos = {placement.photo for placement in release.photo_placements.select_related("photo")}
    if release.hero_photo_id:
        photos.add(release.hero_photo)
    return sorted(photos, key=lambda photo: photo.pk)


def photo_consent_problem(photo, shown, now):
    params = {"photo": photo, "person": shown.person.name}
    if shown.consent == Consent.GIVEN and shown.consent_given_on and shown.consent_until:
        if timezone.localdate(now) > shown.consent_until:
            params["date"] = date_format(shown.consent_until)
            return _("Photo “%(photo)s”: the consent of %(person)s to be shown ended on %(date)s.") % params
    if shown.consent == Consent.GIVEN and shown.consent_given_on and shown.consent_given_on > timezone.localdate(now):
        params["date"] = date_format(shown.consent_given_on)
        return _("Photo “%(photo)s”: the consent of %(person)s to be shown only starts on %(date)s.") % params
    return _(
        "Photo “%(photo)s”: no consent of %(person)s to be shown is recorded. Record it, or the ground under "
        "§ 23 KUG why none is needed, in the photo library."
    ) % params


def photo_problems(release, now):
    problems = []
    for photo in release_photos(release):
        for shown in photo.shown.select_related("person"):
            if not consent_is_valid(shown, now):
                problems.append(photo_consent_problem(photo, shown, now))
    return problems


def naming_problems(release):
    """Private people named or quoted in ``release`` without recorded consent to be named."""
    named = set(release.named_people.all())
    named |= {quote.person for quote in release.quotes.select_related("person") if quote.person_id}
    return [
        _(
            "%(person)s is a private person and may only be named or quoted with recorded consent. "
            "Record the consent to be named on the person, or remove the name."
        ) % {"person": person.name}
        for person in sorted(named, key=lambda person: person.name)
        if not person.may_be_named
    ]


def consent_problems(release, *, now):
    """German messages for every missing or expired consent that blocks publishing ``release``."""
    return photo_problems(release, now) + naming_problems(release)
