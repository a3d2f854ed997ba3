"""Keyset against OFFSET paging at 100,000 public releases (PostgreSQL). Nothing is kept.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom .venv/bin/python manage.py shell < scripts/bench_keyset.py

The rows are created inside a transaction that is rolled back at the end. The keyset
page deep in the archive should cost what the first page costs; OFFSET grows with depth.
"""

import datetime
import time

from django.db import connection, transaction
from django.utils import timezone

from newsroom.models import PressRelease, Status
from newsroom.keyset import encode_cursor, keyset_page

ROWS = 100_000
REPEAT = 20


def timed(label, run):
    run()
    started = time.perf_counter()
    for _ in range(REPEAT):
        run()
    print(f"{label}: {(time.perf_counter() - started) / REPEAT * 1000:.2f} ms")


with transaction.atomic():
    start = timezone.now() - datetime.timedelta(hours=ROWS + 1)
    PressRelease.objects.bulk_create(
        (
            PressRelease(
                title=f"Bench {i}", slug=f"bench-{i}", lead="-", status=Status.PUBLISHED,
                published_at=start + datetime.timedelta(hours=i), number=i + 1, number_year=1000 + i // 1000,
            )
            for i in range(ROWS)
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsroom_pressrelease")
    releases = PressRelease.objects.published().for_list()
    deep = releases.order_by("-published_at", "-pk")[ROWS - 11]
    timed("keyset, first page", lambda: keyset_page(releases, {}))
    timed(f"keyset, page at row {ROWS - 10:,}", lambda: keyset_page(releases, {"vor": encode_cursor(deep)}))
    timed(f"OFFSET, page at row {ROWS - 10:,}", lambda: list(releases[ROWS - 10 : ROWS]))
    transaction.set_rollback(True)
