from django.db import models
from django.db.models import Prefetch
from django.utils import timezone


class PressReleaseQuerySet(models.QuerySet):
    """What is public is decided here, once, for every channel."""

    def published(self, now=None):
        """Published and past its publication time.

        ``now`` comes from Python, never from the database clock, so that frozen
        time in tests and a scheduled time agree on every channel.
        """
        from .models import Status

        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, published_at__lte=now)

    def scheduled(self, now=None):
        from .models import Status

        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, published_at__gt=now)

    def drafts(self):
        from .models import Status

        return self.filter(status=Status.DRAFT)

    def in_topic(self, topic):
        return self.filter(topics=topic)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_list(self):
        """The joins a list of releases needs: the hero photo for the thumbnail.

        The people shown come along (one query for the whole page), so consent is
        checked at render time without a query per release.
        """
        return self.select_related("hero_photo").prefetch_related("hero_photo__shown").newest_first()

    def with_body(self):
        """Everything a full release shows, in a fixed number of queries."""
        from .models import PhotoPerson, Quote, ReleasePhoto

        def people_shown(lookup):
            return Prefetch(lookup, queryset=PhotoPerson.objects.select_related("person"))

        return self.select_related("hero_photo", "press_contact").prefetch_related(
            "sections",
            "topics",
            Prefetch("quotes", queryset=Quote.objects.select_related("person")),
            Prefetch(
                "photo_placements",
                queryset=ReleasePhoto.objects.select_related("photo").prefetch_related(people_shown("photo__shown")),
            ),
            people_shown("hero_photo__shown"),
        )
