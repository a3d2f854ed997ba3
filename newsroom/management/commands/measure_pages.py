"""CPU time per request of public pages, in-process, with no page cache.

Wall-clock latency under load says as much about whatever else runs on the
machine as about the code; the CPU time this process spends per request does
not. ``make bench`` runs it against the small and the large archive to show
that no page's cost grows with the archive.
"""

import cProfile
import io
import pstats
import time

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Requests each URL repeatedly in-process and prints the CPU milliseconds per request."

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", help="name=URL pairs")
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--profile", type=int, default=0, metavar="LINES",
                            help="Also print the LINES functions with the most cumulative time (cProfile).")

    def handle(self, *args, urls, requests, profile, **options):
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
                if profile:
                    self.stdout.write(self.profiled(client, url, requests, profile))

    def profiled(self, client, url, requests, lines):
        """Where the time goes, by function, cumulative (cProfile slows every call down)."""
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(requests):
            client.get(url)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
        return out.getvalue()
