"""/suche/: German full-text search on PostgreSQL, a simple fallback on SQLite."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import timezone

from newsroom.models import SearchDocument
from newsroom.search import MAX_QUERY_LENGTH, normalize_query, search_releases

from .channel_helpers import hide
from .factories import PersonFactory, PressReleaseFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in page.select(".search-results h2 a")], page


def release_with(title="Meldung", lead="Vorspann.", body="<p>Text.</p>", **kwargs):
    release = PressReleaseFactory(published=True, title=title, lead=lead, **kwargs)
    SectionFactory(release=release, body=body)
    return release


def test_finds_words_in_title_lead_sections_and_quotes(client):
    release_with(title="Jobbörse in Polch")
    release_with(lead="Die Ausbildungsmesse öffnet.")
    release_with(body="<p>Ein <strong>Sprachkurs</strong> beginnt.</p>")
    quoted = release_with(title="Mit Zitat")
    speaker = PersonFactory(name="Frau Schumacher")
    QuoteFactory(section=quoted.sections.first(), text="Vielfalt ist Stärke", person=speaker)
    assert results(client, q="Jobbörse")[0] == ["Jobbörse in Polch"]
    assert len(results(client, q="Ausbildungsmesse")[0]) == 1
    assert len(results(client, q="Sprachkurs")[0]) == 1
    assert results(client, q="Vielfalt")[0] == ["Mit Zitat"]
    assert results(client, q="Schumacher")[0] == ["Mit Zitat"]


def test_is_case_insensitive_for_umlauts(client):
    release_with(title="Ärger über Öffnungszeiten")
    assert results(client, q="ärger ÖFFNUNGSZEITEN")[0] == ["Ärger über Öffnungszeiten"]


def test_snippet_highlights_the_match_and_escapes_text(client):
    release_with(title="Termin", body="<p>Zur Messe kamen &lt;script&gt; viele.</p>")
    _titles, page = results(client, q="Messe")
    snippet = page.select_one(".snippet")
    assert snippet.find("mark").get_text().lower().startswith("messe")
    assert snippet.find("script") is None
    assert "<script" not in str(snippet).replace("<mark>", "").replace("</mark>", "")


def test_section_and_quote_changes_update_the_index(client):
    release = release_with(body="<p>Altes Wort</p>")
    section = release.sections.first()
    section.body = "<p>Neues Stichwort</p>"
    section.save()
    assert len(results(client, q="Stichwort")[0]) == 1
    quote = QuoteFactory(section=section, text="Zitatwort")
    assert len(results(client, q="Zitatwort")[0]) == 1
    quote.delete()
    assert results(client, q="Zitatwort")[0] == []
    release.delete()
    assert not SearchDocument.objects.exists()


def test_filters_by_topic_and_year(client):
    topic = TopicFactory(slug="integration")
    old = release_with(title="Messe alt", published_at=datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC))
    new = release_with(title="Messe neu")
    new.topics.add(topic)
    assert sorted(results(client, q="Messe")[0]) == ["Messe alt", "Messe neu"]
    assert results(client, q="Messe", thema="integration")[0] == ["Messe neu"]
    assert results(client, q="Messe", jahr="2024")[0] == ["Messe alt"]
    assert old.pk != new.pk


def test_bad_filters_are_explained_and_ignored(client):
    release_with(title="Messe")
    titles, page = results(client, q="Messe", thema="gibt-es-nicht", jahr="abc")
    assert titles == ["Messe"]
    assert page.select(".error")


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "withdrawn"])
def test_search_shows_no_unpublished_release(client, state):
    release_with(title="Sichtbare Messe")
    hidden = release_with(title="Verborgene Messe")
    hide(hidden, state)
    titles, page = results(client, q="Messe")
    assert titles == ["Sichtbare Messe"]
    assert "Verborgene" not in str(page)


NASTY_QUERIES = [
    "",
    " ",
    '"',
    '"""',
    "'",
    "' OR 1=1 --",
    "Arbeit & | ! ( ) : *",
    "-",
    "--",
    "or",
    "!!!",
    "a" * 5000,
    "Arbeit\x00geber",
    "\x00",
    "\x01\x02\x03\x1b[31m",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "Jobbörse%_\\",
    "😀🚀",
    "\u202eevil",
    "der die das",
    "ü" * 300,
    "a:*",
    "(((((",
    "Arbeit\n\r\tgeber",
]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_hostile_input_never_breaks_the_search(client, query):
    release_with(title="Arbeitgeber treffen Bewerber")
    for params in ({"q": query}, {"q": query, "thema": query, "jahr": query, "seite": query}):
        response = client.get("/suche/", params)
        assert response.status_code == 200
        assert b"Traceback" not in response.content


def test_query_is_bounded_and_printable():
    assert len(normalize_query("x" * 10_000)) == MAX_QUERY_LENGTH
    assert normalize_query("Arbeit\x00geber\n") == "Arbeit geber"
    assert normalize_query(None) == ""


def test_empty_query_shows_the_form_without_results(client):
    release_with()
    response = client.get("/suche/")
    assert response.status_code == 200
    assert b"search-results" not in response.content


def test_results_are_paginated_and_keep_the_query(client):
    for number in range(12):
        release_with(title=f"Messe {number}", published_at=timezone.now() - datetime.timedelta(days=number + 1))
    titles, page = results(client, q="Messe")
    assert len(titles) == 10
    next_link = page.select_one('a[rel="next"]')["href"]
    assert "q=Messe" in next_link and "seite=2" in next_link
    assert len(results(client, q="Messe", seite="2")[0]) == 2


@pytest.mark.parametrize("count", [1, 8])
def test_search_costs_the_same_queries_however_many_hits(client, django_assert_num_queries, count):
    for _ in range(count):
        release_with(title="Messe")
    # topic choices, years, count, page, freshness
    with django_assert_num_queries(5):
        client.get("/suche/", {"q": "Messe"})


@pytest.mark.postgresql
def test_german_stemming_finds_inflected_forms(client):
    assert connection.vendor == "postgresql"  # fail, never skip, if run elsewhere
    release_with(title="Messe", body="<p>Viele Arbeitgebern stellten sich vor.</p>")
    release_with(title="Anderes", body="<p>Nichts davon.</p>")
    titles, page = results(client, q="Arbeitgeber")
    assert titles == ["Messe"]
    assert page.select_one(".snippet mark").get_text() == "Arbeitgebern"


@pytest.mark.postgresql
def test_ranking_prefers_the_title_and_websearch_syntax_works(client):
    assert connection.vendor == "postgresql"
    release_with(title="Bericht", body="<p>Auch eine Jobbörse wird erwähnt.</p>")
    release_with(title="Jobbörse in Polch", body="<p>Bericht</p>")
    assert results(client, q="Jobbörse")[0] == ["Jobbörse in Polch", "Bericht"]
    assert results(client, q='"Jobbörse in Polch"')[0] == ["Jobbörse in Polch"]
    assert results(client, q="Jobbörse -Polch")[0] == ["Bericht"]


@pytest.mark.postgresql
def test_search_uses_the_gin_index(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'newsroom_searchdocument'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "USING gin (vector)" in definitions
    release_with(title="Arbeitgebern")
    found = search_releases("Arbeitgeber", now=timezone.now())
    assert [release.title for release in found] == ["Arbeitgebern"]


def test_rebuild_command_restores_lost_documents(client):
    from django.core.management import call_command

    release_with(title="Wiederhergestellt")
    SearchDocument.objects.all().delete()
    assert results(client, q="Wiederhergestellt")[0] == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert results(client, q="Wiederhergestellt")[0] == ["Wiederhergestellt"]


def test_markup_like_plain_text_is_indexed_as_text(client):
    release_with(title='Vergleich <![><img src="]> Tarif', body="<p>Inhalt</p>")
    assert results(client, q="Tarif")[0] == ['Vergleich <![><img src="]> Tarif']


def test_ranks_only_the_newest_matches_and_says_so(client, monkeypatch):
    """A frequent word costs what it costs in a small archive: the newest MAX_RESULTS
    matches are ranked, and the page says how to reach older ones."""
    monkeypatch.setattr("newsroom.search.MAX_RESULTS", 3)
    monkeypatch.setattr("newsroom.public_views.MAX_RESULTS", 3)
    now = timezone.now()
    for days in range(5):
        release_with(title=f"Messe vor {days} Tagen", published_at=now - datetime.timedelta(days=days + 1))
    old = release_with(title="Messe im Vorjahr", published_at=now - datetime.timedelta(days=400))
    titles, page = results(client, q="Messe")
    assert sorted(titles) == ["Messe vor 0 Tagen", "Messe vor 1 Tagen", "Messe vor 2 Tagen"]
    status = page.select_one('[role="status"]').get_text()
    assert "3 oder mehr Pressemeldungen gefunden" in status and "Jahr" in status
    # The year filter reaches the release the cap left out.
    year = timezone.localtime(old.published_at).year
    assert results(client, q="Messe", jahr=str(year))[0] == ["Messe im Vorjahr"]
    few, page = results(client, q="Messe vor 4")
    assert len(few) >= 1 and "gefunden" in page.select_one('[role="status"]').get_text()
