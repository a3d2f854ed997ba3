"""Search over title, lead, sections and quotes of public releases.

PostgreSQL: the "german" text search configuration (stemming: "Arbeitgeber" finds
"Arbeitgebern"), ``websearch_to_tsquery`` (which accepts any input without a syntax
error), ranked, with highlighted snippets, over a GIN-indexed ``SearchDocument``.
SQLite: every word must occur, case-folded, newest first. The choice is made here,
once, by ``search_releases``.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import PressRelease
from .search_index import plain

MAX_QUERY_LENGTH = 200
# Ranking scores a match by reading its whole document: a word found in every tenth
# release would make one search of a 100,000-release archive score 10,000 documents.
# Only the newest MAX_RESULTS matches are ranked (an index walk, newest first, that
# stops there), so a search costs what it costs in a small archive; the topic and year
# filters reach further back.
MAX_RESULTS = 200
MAX_TERMS = 10
SNIPPET_CHARS = 220
# Markers for highlighted words: control characters never occur in indexed text
# (``plain`` removes them), so they survive escaping and become <mark> afterwards.
START, STOP = "\x02", "\x03"


def normalize_query(raw):
    """Any input as a bounded, printable, single-line query ("" when nothing is left)."""
    return plain(str(raw or "")[: MAX_QUERY_LENGTH * 4])[:MAX_QUERY_LENGTH].strip()


def search_releases(query, *, now, topic=None, year=None):
    """The newest ``MAX_RESULTS`` public releases matching ``query``, best first; each
    hit gets a ``snippet`` (safe HTML) from ``snippet()``.

    Returns a queryset that can be paginated. An empty or meaningless query gives no
    results, never an error.
    """
    query = normalize_query(query)
    releases = PressRelease.objects.published(now=now)
    if topic is not None:
        releases = releases.in_topic(topic)
    if year is not None:
        releases = releases.filter(published_at__year=year)
    if not query:
        return releases.none()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, config="german", search_type="websearch")
        return _ranked(_newest(releases.filter(search_document__vector=search_query)), search_query)
    matching = _fallback(releases, query)
    return releases.none() if matching is None else _newest(matching).newest_first()


def _newest(matching):
    """The newest ``MAX_RESULTS`` of ``matching``: counting and ranking read no more."""
    newest = matching.newest_first().values("pk")[:MAX_RESULTS]
    return PressRelease.objects.filter(pk__in=newest).select_related("hero_photo", "search_document")


def _ranked(hits, search_query):
    return (
        hits.annotate(
            rank=SearchRank(F("search_document__vector"), search_query),
            headline=SearchHeadline(
                "search_document__text",
                search_query,
                config="german",
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=20,
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def terms_of(query):
    """Words of a query for the fallback: operators and punctuation dropped."""
    return list(dict.fromkeys(re.findall(r"\w+", query.casefold())))[:MAX_TERMS]


def _fallback(releases, query):
    """SQLite: releases containing every word of ``query``, or None if it has no words."""
    terms = terms_of(query)
    if not terms:
        return None
    condition = Q()
    for term in terms:
        condition &= Q(search_document__folded__contains=term)
    return releases.filter(condition)


def snippet(release, query):
    """The highlighted excerpt of a search hit, as safe HTML."""
    headline = getattr(release, "headline", None)
    if headline is None:
        headline = _fallback_headline(release, query)
    return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))


def _fallback_headline(release, query):
    document = getattr(release, "search_document", None)
    text = document.text if document else release.lead
    terms = terms_of(normalize_query(query))
    if not terms:
        return text[:SNIPPET_CHARS]
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - SNIPPET_CHARS // 3) if first else 0
    if start:
        # Begin at a word, not inside one.
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else start
    excerpt = text[start : start + SNIPPET_CHARS]
    marked = pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", excerpt)
    return ("… " if start else "") + marked + (" …" if start + SNIPPET_CHARS < len(text) else "")
