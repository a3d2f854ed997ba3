"""Print PostgreSQL's plan for every query the given public pages run.

Used by ``make bench`` to show, at archive scale, that each page's queries use
indexes; works for any URL, so pages added later are explained the same way.
"""

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


class Command(BaseCommand):
    help = "Requests each URL twice in-process and prints EXPLAIN ANALYZE of every query of the second request."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+")
        parser.add_argument(
            "--archive-year", type=int,
            help="Also explain a year's archive list (the query an archive page runs) for this year.",
        )

    def handle(self, *args, urls, archive_year=None, **options):
        if archive_year:
            self.explain_archive(archive_year)
        client = Client()
        # The cold tier as served: no page cache; the list count and page index as configured.
        with override_settings(NEWSROOM_PAGE_CACHE=False, ALLOWED_HOSTS=["*"]):
            for url in urls:
                with CaptureQueriesContext(connection) as first:
                    client.get(url)
                with CaptureQueriesContext(connection) as queries:
                    status = client.get(url).status_code
                self.stdout.write(
                    f"\n=== {url}  (HTTP {status}, {len(queries)} queries; {len(first)} on the first request)"
                )
                for number, query in enumerate(queries.captured_queries, start=1):
                    self.stdout.write(f"--- query {number}: {query['sql'][:160]}…")
                    with connection.cursor() as cursor:
                        cursor.execute(self.explain(query["sql"]))
                        self.stdout.write("\n".join(str(row[-1]) for row in cursor.fetchall()))

    def explain_archive(self, year):
        from newsroom.models import PressRelease

        releases = PressRelease.objects.published().filter(published_at__year=year).for_list()[:10]
        sql, params = releases.query.sql_with_params()
        self.stdout.write(f"\n=== archive {year}, first page (queryset)\n--- query 1: {sql[:160]}…")
        with connection.cursor() as cursor:
            cursor.execute(self.explain(sql), params)
            self.stdout.write("\n".join(str(row[-1]) for row in cursor.fetchall()))

    def explain(self, sql):
        if connection.vendor == "postgresql":
            return "EXPLAIN (ANALYZE, COSTS OFF) " + sql
        return "EXPLAIN QUERY PLAN " + sql
