from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
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

    def with_text(self):
        """The release's own text: sections, quotes and the photos placed in them, with their people."""
        from .models import PhotoPerson, Quote, ReleasePhoto

        return self.select_related("hero_photo", "press_contact").prefetch_related(
            "sections",
            Prefetch("quotes", queryset=Quote.objects.select_related("person")),
            Prefetch(
                "photo_placements",
                queryset=ReleasePhoto.objects.select_related("photo").prefetch_related(
                    Prefetch("photo__shown", queryset=PhotoPerson.objects.select_related("person"))
                ),
            ),
        )

    def for_detail(self):
        """One release's page, in a fixed number of queries however long it is.

        Topics come along: the page reads them twice (meta tags and JSON-LD). The
        people in the hero photo follow with ``prefetch_hero_people`` once the
        release is known.
        """
        return self.with_text().prefetch_related("topics")

    def with_body(self):
        """Everything a full release shows, in a fixed number of queries (for lists of releases)."""
        from .models import PhotoPerson

        return self.with_text().prefetch_related(
            "topics", Prefetch("hero_photo__shown", queryset=PhotoPerson.objects.select_related("person"))
        )


def prefetch_hero_people(release):
    """The people in the hero photo, in one query, if the page shows the hero on top.

    A hero placed in the text is shown there, with the people its placement brought.
    """
    from .models import PhotoPerson

    if release.shows_hero_on_top:
        prefetch_related_objects(
            [release.hero_photo], Prefetch("shown", queryset=PhotoPerson.objects.select_related("person"))
        )
    return release
