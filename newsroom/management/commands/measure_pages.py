"""CPU time per request of public pages, in-process, with no page cache.

Wall-clock latency under load says as much about whatever else runs on the
machine as about the code; the CPU time this process spends per request does
not. ``make bench`` runs it against the small and the large archive to show
that no page's cost grows with the archive.
"""

import time

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Requests each URL repeatedly in-process and prints the CPU milliseconds per request."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", help="name=URL pairs")
        parser.add_argument("--requests", type=int, default=200)

    def handle(self, *args, urls, requests, **options):
        client = Client()
        with override_settings(NEWSROOM_PAGE_CACHE=False, ALLOWED_HOSTS=["*"]):
            for pair in urls:
                name, url = pair.split("=", 1)
                for _ in range(5):  # warm: connection, template loader, count cache
                    status = client.get(url).status_code
                started = time.process_time()
                for _ in range(requests):
                    client.get(url)
                cpu = (time.process_time() - started) * 1000 / requests
                self.stdout.write(f"{name}\t{status}\t{cpu:.3f}")
