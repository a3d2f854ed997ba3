from collections import defaultdict

from ckeditor.fields import RichTextField
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..querysets import PressReleaseQuerySet
from ..sanitizer import clean_html
from .people import Person
from .photos import Photo


class Status(models.TextChoices):
    """One vocabulary everywhere. "Scheduled" is published with a future time, not a state."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("newsroom:topic", kwargs={"slug": self.slug})


class PressRelease(models.Model):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"), max_length=250, unique=True, help_text=_("Part of the public address; keep it once published.")
    )
    number = models.PositiveIntegerField(_("release number"), null=True, blank=True, editable=False)
    number_year = models.PositiveSmallIntegerField(_("year of the release number"), null=True, blank=True, editable=False)
    lead = models.TextField(
        _("lead"), help_text=_("Plain text, two or three sentences: shown in lists, feeds and search results.")
    )
    dateline = models.CharField(_("dateline place"), max_length=100, blank=True, help_text=_('E.g. "Polch".'))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("The release is public once it is published and this time has passed."),
    )
    press_contact = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="press_releases_as_contact",
        limit_choices_to={"is_press_contact": True},
        verbose_name=_("press contact"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="press_releases", verbose_name=_("topics"))
    hero_photo = models.ForeignKey(
        Photo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        verbose_name=_("hero photo"),
        help_text=_("Shown in lists and feeds, and on top of the page unless placed in a section."),
    )
    named_people = models.ManyToManyField(
        Person,
        blank=True,
        related_name="named_in",
        verbose_name=_("people named"),
        help_text=_("Everyone the text names, so that consent and person pages can follow."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False,
        related_name="+", verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False,
        related_name="+", verbose_name=_("updated by"),
    )

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-published_at", "-pk"]
        permissions = [("publish_pressrelease", _("Can publish, correct and withdraw press releases"))]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="pressrelease_status_valid"),
            models.CheckConstraint(
                condition=Q(number__isnull=True, number_year__isnull=True)
                | Q(number__isnull=False, number_year__isnull=False),
                name="release_number_has_year",
            ),
            models.UniqueConstraint(fields=["number_year", "number"], name="release_number_unique_per_year"),
            models.CheckConstraint(
                condition=Q(status__in=[Status.DRAFT, Status.REVIEW])
                | Q(published_at__isnull=False, number__isnull=False),
                name="public_release_has_time_and_number",
            ),
        ]
        # The public order, whole: lists, deep pages (index-only), archive years, feeds, the next scheduled one.
        indexes = [models.Index(fields=["status", "-published_at", "-id"], name="release_public_order_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("newsroom:detail", kwargs={"slug": self.slug})

    @property
    def release_number(self):
        """The number journalists cite, e.g. "PM 12/2026"; empty before first publication."""
        if self.number is None:
            return ""
        return f"PM {self.number}/{self.number_year}"

    def body(self):
        """Sections in order, each paired with its quotes and photos in their order.

        Reads the prefetched ``sections``, ``quotes`` and ``photo_placements``, so a
        release costs the same number of queries however long it is.
        """
        placed = defaultdict(list)
        for item in [*self.quotes.all(), *self.photo_placements.all()]:
            placed[item.section_id].append(item)
        return [
            (section, sorted(placed[section.pk], key=lambda item: (item.position, item.kind)))
            for section in self.sections.all()
        ]

    @property
    def shows_hero_on_top(self):
        """The hero opens the page unless the editor placed the same photo in a section."""
        if self.hero_photo_id is None:
            return False
        return all(placement.photo_id != self.hero_photo_id for placement in self.photo_placements.all())


class Section(models.Model):
    """An ordered part of a release's body: an optional sub-heading and rich text."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    heading = models.CharField(_("sub-heading"), max_length=250, blank=True)
    body = RichTextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading or _("Section %(number)s") % {"number": self.position}

    def save(self, *args, **kwargs):
        # Every write path (admin, demo loader, import) passes here; restores of old
        # revisions skip save() and must call clean_html themselves.
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)


class PlacedInSection(models.Model):
    """Something shown after a section's text, in order with its neighbours."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="+")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+", verbose_name=_("section"))
    position = models.PositiveSmallIntegerField(_("order within the section"), default=1)

    class Meta:
        abstract = True
        ordering = ["section__position", "position", "pk"]


class Quote(PlacedInSection):
    """Words of a person, or of someone described but not named, at one moment."""

    kind = "quote"

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="quotes")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("section"))
    text = models.TextField(_("quote"))
    # PROTECT: deleting a person who is quoted must not silently delete the quote.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes", verbose_name=_("person")
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=250,
        blank=True,
        help_text=_('For someone not named, e.g. "Ein Besucher der Jobbörse".'),
    )
    role = models.CharField(
        _("role when quoted"), max_length=300, blank=True, help_text=_("Defaults to the person's current role.")
    )

    class Meta(PlacedInSection.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(attribution=""))
                | (Q(person__isnull=True) & ~Q(attribution="")),
                name="quote_has_person_or_attribution",
                violation_error_message=_("A quote needs either a person or an attribution text, not both."),
            ),
        ]

    def __str__(self):
        return f"„{self.text[:60]}“ ({self.speaker})"

    @property
    def speaker(self):
        return self.person.name if self.person_id else self.attribution

    def save(self, *args, **kwargs):
        # The role is kept as it was when quoted: a later change of office must not
        # rewrite what a published release said.
        if self.person_id and not self.role:
            self.role = self.person.role
        super().save(*args, **kwargs)


class ReleasePhoto(PlacedInSection):
    """A photo placed in a section of a release."""

    kind = "photo"

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="photo_placements")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="photo_placements", verbose_name=_("section"))
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, related_name="placements", verbose_name=_("photo"))

    class Meta(PlacedInSection.Meta):
        verbose_name = _("photo in the text")
        verbose_name_plural = _("photos in the text")
        constraints = [
            models.UniqueConstraint(fields=["release", "photo"], name="photo_placed_once_per_release"),
        ]

    def __str__(self):
        return str(self.photo)
