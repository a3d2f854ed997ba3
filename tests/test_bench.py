"""The benchmark's tools: the data generator, the plan printer, the wrk report reader."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from bench import wrk
from newsroom.models import PressRelease, Quote, Section, Status

WRK_REPORT = """Running 10s test @ http://127.0.0.1:8801/pressemeldungen/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.30ms    4.10ms  80.00ms   90.00%
  Latency Distribution
     50%   11.52ms
     75%   13.00ms
     90%   15.00ms
     99%    1.02s
  10230 requests in 10.00s, 100.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1023.05
Transfer/sec:     10.00MB
"""


def test_wrk_report_is_read():
    result = wrk.parse(WRK_REPORT)
    assert result.requests_per_second == 1023.05
    assert result.p50_ms == 11.52
    assert result.p99_ms == 1020.0
    assert result.errors == 7
    assert result.requests == 10230


@pytest.mark.django_db(transaction=True)
def test_bench_data_is_shaped_like_the_seed(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("create_bench_data uses PostgreSQL's COPY; CI runs this on PostgreSQL")
    call_command("create_bench_data", releases=100, stdout=io.StringIO())
    assert PressRelease.objects.count() == 100
    assert PressRelease.objects.filter(status=Status.DRAFT).count() == 2
    public = PressRelease.objects.published().with_body().first()
    assert len(public.body()) == Section.objects.filter(release=public).count() == 13
    assert Quote.objects.filter(release=public).count() == 10
    assert public.hero_photo.people_in_order and public.release_number
    # Photos carry an upload's renditions, and search finds releases by title and by body.
    assert [rendition.width for rendition in public.hero_photo.rendition_list] == [480, 800, 1200, 1600]
    from newsroom.search import search_releases

    assert search_releases("Ausbildung", now=timezone.now()).count() == PressRelease.objects.published().filter(
        title__startswith="Ausbildung").count() > 0
    assert search_releases("Migrationsbeirat", now=timezone.now()).count() == PressRelease.objects.published().count()


@pytest.mark.django_db
def test_explain_pages_prints_a_plan_per_query(client):
    from .test_views import full_release

    release = full_release()
    out = io.StringIO()
    call_command("explain_pages", release.get_absolute_url(), "/pressemeldungen/", archive_year=2026, stdout=out)
    text = out.getvalue()
    assert "=== archive 2026, first page (queryset)" in text
    assert f"=== {release.get_absolute_url()}  (HTTP 200, 9 queries" in text
    assert text.count("--- query") == 1 + 9 + 4  # archive, detail, list (each with its validators)


@pytest.mark.django_db
def test_measure_pages_prints_cpu_per_request():
    out = io.StringIO()
    call_command("measure_pages", "list=/pressemeldungen/", "missing=/pressemeldungen/nein/", requests=3, stdout=out)
    listed, missing = (line.split("\t") for line in out.getvalue().splitlines())
    assert listed[:2] == ["list", "200"] and float(listed[2]) > 0
    assert missing[:2] == ["missing", "404"]


@pytest.mark.django_db
def test_measure_pages_profiles_on_request():
    out = io.StringIO()
    call_command("measure_pages", "list=/pressemeldungen/", requests=2, profile=5, stdout=out)
    text = out.getvalue()
    assert text.startswith("list\t200\t") and "Ordered by: cumulative time" in text


def result(requests_per_second):
    return wrk.Result(requests_per_second=requests_per_second, p50_ms=10.0, p99_ms=20.0, errors=0, requests=1)


@pytest.mark.parametrize("plain, cold, verdict", [(450, 600, "met"), (225, 300, "met"), (225, 299.9, "not met"),
                                                  (225, 290, "not met"), (900, 601, "not met")])
def test_the_target_is_scaled_by_the_plain_view_on_the_same_machine(plain, cold, verdict):
    from bench.run import yardstick

    text = yardstick({("plain", "reference"): result(plain), ("cold", "detail"): result(cold)})
    target = 600 * plain / 450
    assert f"is {target:.0f} req/s on this machine: {verdict}." in text
    assert f"Cold detail = {cold / plain:.2f} × the plain view" in text
    assert "imprint" not in text


def test_the_yardstick_names_the_floor_of_the_stack_when_measured():
    from bench.run import yardstick

    text = yardstick({("plain", "reference"): result(800), ("cold", "detail"): result(160),
                      ("floor", "imprint"): result(1200)})
    assert "| cold imprint page: 1 query, a short template, all the site's middleware | 1200 | 10.00 |" in text
    assert "The imprint page serves 1.50 × the plain view, 1.12 × the target." in text


@pytest.mark.django_db
def test_the_plain_view_costs_five_queries(rf, settings, django_assert_num_queries):
    from pathlib import Path

    from django.contrib.auth.models import User

    from bench.reference import views

    settings.TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates",
                           "DIRS": [Path(views.__file__).parent / "templates"]}]
    views.populate()
    person = User.objects.get(username="person3")
    with django_assert_num_queries(5):
        response = views.page(rf.get(f"/page/{person.pk}/"), pk=person.pk)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vorname Nachname 3</h1>" in page and page.count("<li>Gruppe") == 3
    assert page.count("<tr>") == 20
