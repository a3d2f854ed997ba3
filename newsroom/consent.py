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


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def consent_date_annotations(now):
    """The dates a photo's visibility changes next, as subqueries for the freshness query.

    Read with every public response (``newsroom.freshness``): two lookups in the
    small ``PhotoPerson`` table.
    """
    today = timezone.localdate(now)
    given = PhotoPerson.objects.filter(consent=Consent.GIVEN)
    return {
        "consent_ends": Subquery(
            given.filter(consent_until__gte=today).order_by("consent_until").values("consent_until")[:1]
        ),
        "consent_starts": Subquery(
            given.filter(consent_given_on__gt=today).order_by("consent_given_on").values("consent_given_on")[:1]
        ),
    }


def consent_change_moment(values, now):
    """The midnight after the earliest ``consent_until`` still running, or the start of
    a consent recorded ahead of time, from ``consent_date_annotations``' values."""
    moments = []
    if values["consent_ends"]:
        moments.append(day_start(values["consent_ends"] + datetime.timedelta(days=1)))
    if values["consent_starts"]:
        moments.append(day_start(values["consent_starts"]))
    return min(moments, default=None)


def next_consent_expiry(now):
    """The next moment after ``now`` at which a photo's visibility changes by date, or None.

    Page caches must not outlive it.
    """
    from .freshness import read_with_clock

    return consent_change_moment(read_with_clock(**consent_date_annotations(now)), now)


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
