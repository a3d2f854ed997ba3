"""Keyset pagination for release lists: page 500 costs what page 1 costs.

An OFFSET makes the database read and drop every row before the page. A cursor
("older than this release") instead starts inside the index on (status,
published_at), however deep the reader goes. The cursor is the last release's
publication time in microseconds and its primary key, e.g. ``?vor=1764000000000000.42``.
"""

import datetime
from dataclasses import dataclass, field

from .pagination import from_key_on

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
OLDER, NEWER = "vor", "nach"
NEWEST_FIRST = [("published_at", True), ("pk", True)]
OLDEST_FIRST = [("published_at", False), ("pk", False)]


def encode_cursor(release):
    micros = (release.published_at - EPOCH) // datetime.timedelta(microseconds=1)
    return f"{micros}.{release.pk}"


def decode_cursor(value):
    """(published_at, pk) from a cursor, or None for anything malformed."""
    try:
        micros, pk = (int(part) for part in str(value).split(".", 1))
        return EPOCH + datetime.timedelta(microseconds=micros), pk
    except (ValueError, OverflowError):
        return None


@dataclass
class KeysetPage:
    items: list = field(default_factory=list)
    older_cursor: str = ""
    newer_cursor: str = ""

    @property
    def has_other_pages(self):
        return bool(self.older_cursor or self.newer_cursor)


def keyset_page(releases, params, per_page=10):
    """One page of ``releases`` (newest first) for the query parameters ``params``."""
    older = decode_cursor(params.get(OLDER)) if params.get(OLDER) else None
    newer = decode_cursor(params.get(NEWER)) if params.get(NEWER) and older is None else None
    if newer is not None:
        rows = list(
            releases.filter(from_key_on(OLDEST_FIRST, newer, inclusive=False))
            .order_by("published_at", "pk")[: per_page + 1]
        )
        has_newer, rows = len(rows) > per_page, rows[:per_page]
        rows.reverse()
        has_older = True
    else:
        if older is not None:
            releases = releases.filter(from_key_on(NEWEST_FIRST, older, inclusive=False))
        rows = list(releases.order_by("-published_at", "-pk")[: per_page + 1])
        has_older, rows = len(rows) > per_page, rows[:per_page]
        has_newer = older is not None
    return KeysetPage(
        items=rows,
        older_cursor=encode_cursor(rows[-1]) if rows and has_older else "",
        newer_cursor=encode_cursor(rows[0]) if rows and has_newer else "",
    )
