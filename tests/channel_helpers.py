"""Helpers shared by the tests of the public channels: hiding a release, counting queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Status


def hide(release, state):
    """Turn a published release into one in ``state`` (scheduled: published, in the future)."""
    if state == "scheduled":
        release.published_at = timezone.now() + datetime.timedelta(days=1)
    else:
        release.status = state
        if state in (Status.DRAFT, Status.REVIEW):
            release.published_at = release.number = release.number_year = None
    release.save()


def queries_of(client, url):
    """How many queries a GET of ``url`` costs; the page must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
