"""/sitemap.xml: public releases, topics, public person pages and archive years."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import ExtractYear, Greatest
from django.urls import reverse
from django.utils import timezone

from .models import Person, PhotoPerson, PressRelease, Quote, Topic


def public_releases():
    return PressRelease.objects.published(now=timezone.now())


class ReleaseSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return public_releases().only("slug", "updated_at", "published_at").order_by("-published_at", "-pk")

    def lastmod(self, release):
        return max(release.updated_at, release.published_at)

    def get_latest_lastmod(self):
        # For the index: one aggregate instead of reading every release.
        return public_releases().aggregate(latest=Max(Greatest("updated_at", "published_at")))["latest"]


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        latest = Max("press_releases__updated_at", filter=Q(press_releases__in=public_releases()))
        return Topic.objects.annotate(lastmod=latest).filter(lastmod__isnull=False).order_by("slug")

    def lastmod(self, topic):
        return topic.lastmod


def person_last_appearances():
    """{person pk: latest change of a public release showing them}, in five queries."""
    public = public_releases()
    named = PressRelease.named_people.through.objects
    sources = [
        (Quote.objects.filter(release__in=public), "person_id", "release__updated_at"),
        (PhotoPerson.objects.filter(photo__hero_of__in=public), "person_id", "photo__hero_of__updated_at"),
        (PhotoPerson.objects.filter(photo__placements__release__in=public), "person_id",
         "photo__placements__release__updated_at"),
        (named.filter(pressrelease__in=public), "person_id", "pressrelease__updated_at"),
        (public.filter(press_contact__isnull=False), "press_contact_id", "updated_at"),
    ]
    latest = {}
    for rows, person, changed in sources:
        for row in rows.order_by().values(person).annotate(at=Max(changed)):
            latest[row[person]] = max(latest.get(row[person], row["at"]), row["at"])
    return latest


class PersonSitemap(Sitemap):
    """Public figures who appear in a public release: exactly the person pages that answer 200."""

    changefreq = "weekly"
    priority = 0.3

    def items(self):
        # The index asks for items twice (count and lastmod); one instance serves one request.
        if not hasattr(self, "_people"):
            latest = person_last_appearances()
            self._people = list(Person.objects.filter(is_public_figure=True, pk__in=latest).order_by("slug"))
            for person in self._people:
                person.lastmod = latest[person.pk]
        return self._people

    def lastmod(self, person):
        return person.lastmod


class ArchiveSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.2

    def items(self):
        return list(
            public_releases()
            .annotate(year=ExtractYear("published_at"))
            .values("year")
            .annotate(lastmod=Max("updated_at"))
            .order_by("-year")
        )

    def location(self, row):
        return reverse("newsroom:archive-year", kwargs={"year": row["year"]})

    def lastmod(self, row):
        return row["lastmod"]


class PressListSitemap(Sitemap):
    """The entry pages: the press list, the topic index and the archive index."""

    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["newsroom:list", "newsroom:topics", "newsroom:archive"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return public_releases().aggregate(latest=Max("updated_at"))["latest"]


# Section names become /sitemap-<name>.xml.
SITEMAPS = {
    "liste": PressListSitemap,
    "pressemeldungen": ReleaseSitemap,
    "themen": TopicSitemap,
    "personen": PersonSitemap,
    "archiv": ArchiveSitemap,
}
