"""What the public channels need beside the release itself: its search document
and the addresses it had before a slug change."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease


class SearchDocument(models.Model):
    """The searchable text of one release, rebuilt whenever the release, a section or a
    quote changes (``newsroom.search_index``).

    Every release has one, public or not: a scheduled release becomes public by the
    clock alone, so the search filters with ``published(now)`` at query time. The GIN
    index on ``vector`` exists on PostgreSQL only (migration 0003); SQLite searches
    ``folded`` instead.
    """

    release = models.OneToOneField(PressRelease, on_delete=models.CASCADE, related_name="search_document")
    # Plain text of title, lead, sections and quotes: what snippets are cut from.
    text = models.TextField(blank=True)
    # ``text`` case-folded in Python, because SQLite's LIKE folds ASCII only ("Ä" ≠ "ä").
    folded = models.TextField(blank=True)
    # PostgreSQL: weighted tsvector with the "german" configuration (stemming).
    vector = SearchVectorField(null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return str(self.release)


class ReleaseSlugHistory(models.Model):
    """A slug a release had while it was public, so links to it keep working (301)."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("old slug"), max_length=250, unique=True)
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["-changed_at"]

    def __str__(self):
        return self.slug


class ContentChange(models.Model):
    """One row: when content shown beside releases (people, topics, photos, a release's
    parts) last changed. Such edits do not move a release's ``updated_at``, yet change
    public pages, so ``Last-Modified`` (``newsroom.freshness``) must move with them."""

    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("content change")
        verbose_name_plural = _("content changes")

    def __str__(self):
        return str(self.changed_at)
