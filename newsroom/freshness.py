"""When does public output next change by itself, without anyone saving anything?

Caches (the application's page cache, the front cache's ``s-maxage``) must not
outlive that moment: a release scheduled for 10:00 is public at 10:00 even if a
page was cached at 09:59. Every channel that changes with time alone adds its
moment here, so that cache lifetimes are bounded by one function.
"""


def next_public_change(now):
    """The earliest moment after ``now`` at which public output changes, or None.

    That is the next scheduled publication (a release with status "published"
    whose publication time lies in the future) or the next change of a photo's
    consent by date, whichever comes first.
    """
    from .consent import next_consent_expiry
    from .models import PressRelease

    scheduled = (
        PressRelease.objects.scheduled(now=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    moments = [moment for moment in (scheduled, next_consent_expiry(now)) if moment]
    return min(moments, default=None)
