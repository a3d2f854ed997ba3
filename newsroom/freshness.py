"""When does public output next change by itself, without anyone saving anything?

Caches (the application's page cache, the front cache's ``s-maxage``) must not
outlive that moment: a release scheduled for 10:00 is public at 10:00 even if a
page was cached at 09:59. Every channel that changes with time alone adds its
moment here, so that cache lifetimes are bounded by one function.
"""


def next_public_change(now):
    """The earliest moment after ``now`` at which public output changes, or None.

    That is the next scheduled publication: a release with status "published"
    whose publication time lies in the future.
    """
    from .models import PressRelease

    return (
        PressRelease.objects.scheduled(now=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
