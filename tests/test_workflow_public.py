"""What the public sees of each workflow state, on every channel the project has."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from newsroom import publishing

from .workflow_helpers import release_in, second_officer

pytestmark = pytest.mark.django_db

BODY = "Der ganze Text der Meldung."


def channel_urls():
    """Every public list-like channel the project has now; later issues add theirs by name."""
    urls = ["/pressemeldungen/", "/pressemeldungen/feed/rss/"]
    for name in ["newsroom:feed-atom", "sitemap", "django.contrib.sitemaps.views.sitemap"]:
        try:
            urls.append(reverse(name))
        except NoReverseMatch:
            continue
    return urls


def public_text(client):
    return "\n".join(client.get(url).content.decode() for url in channel_urls())


@pytest.fixture
def people(editor):
    return {"author": editor, "officer": second_officer()}


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "withdrawn"])
def test_unpublished_states_are_on_no_public_channel(client, people, state):
    hidden = release_in(state, title=f"Geheim {state}", slug=f"geheim-{state}", **people)
    control = release_in("published", title="Öffentliche Kontrolle", slug="kontrolle", **people)

    everything = public_text(client)
    assert "Öffentliche Kontrolle" in everything
    assert hidden.title not in everything
    assert f"/pressemeldungen/{hidden.slug}/" not in everything

    detail = client.get(hidden.get_absolute_url())
    assert detail.status_code == (410 if state == "withdrawn" else 404)
    assert BODY not in detail.content.decode()
    assert client.get(control.get_absolute_url()).status_code == 200
    assert BODY in client.get(control.get_absolute_url()).content.decode()


def test_withdrawn_answers_410_with_title_dates_and_reason_only(client, people):
    release = release_in("withdrawn", title="Zurückgezogene Meldung", **people)
    response = client.get(release.get_absolute_url())
    assert response.status_code == 410
    page = BeautifulSoup(response.content, "html.parser")
    main = page.select_one("main").get_text(" ", strip=True)
    assert "Zurückgezogene Meldung" in main
    assert "Die Veranstaltung fällt aus." in main
    assert "Diese Pressemeldung wurde zurückgezogen" in main
    assert len(page.select("main time")) == 2  # published and withdrawn
    assert BODY not in response.content.decode()
    assert release.lead not in main
    assert not response.cookies


def test_scheduled_release_appears_when_its_time_passes(client, people, time_machine):
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    release = release_in("review", title="Geplante Meldung", **people)
    publishing.publish(release, by=people["officer"], at=start + datetime.timedelta(hours=2))

    time_machine.move_to(start + datetime.timedelta(hours=2) - datetime.timedelta(seconds=1), tick=False)
    assert client.get(release.get_absolute_url()).status_code == 404
    assert "Geplante Meldung" not in public_text(client)

    time_machine.move_to(start + datetime.timedelta(hours=2), tick=False)
    assert client.get(release.get_absolute_url()).status_code == 200
    for url in channel_urls():
        assert "Geplante Meldung" in client.get(url).content.decode(), url


def test_public_pages_are_not_cached_by_anything_of_the_workflow(client, people):
    release = release_in("published", **people)
    for url in [release.get_absolute_url(), "/pressemeldungen/"]:
        response = client.get(url)
        assert not response.cookies
        assert "no-store" not in response.get("Cache-Control", "")  # public pages stay cacheable
