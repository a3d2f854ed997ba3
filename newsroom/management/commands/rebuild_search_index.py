"""Rebuild every release's search document, e.g. after a bulk import that bypassed signals."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Prefetch

from newsroom.models import PressRelease, Quote
from newsroom.search_index import rebuild_document


class Command(BaseCommand):
    help = "Rebuild the full-text search documents of all press releases."

    def handle(self, *args, **options):
        releases = PressRelease.objects.prefetch_related(
            "sections", Prefetch("quotes", queryset=Quote.objects.select_related("person"))
        ).order_by("pk")
        count = 0
        with transaction.atomic():
            for release in releases.iterator(chunk_size=500):
                rebuild_document(release)
                count += 1
        self.stdout.write(f"{count} search documents rebuilt.")
