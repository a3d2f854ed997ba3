import re
import uuid
from functools import cached_property
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .people import Person


def photo_upload_to(instance, filename):
    """A generated name: no path piece chosen by the uploader, never another photo's file."""
    suffix = Path(filename).suffix.lower()
    if suffix not in {".jpg", ".jpeg", ".png", ".webp"}:
        suffix = ".jpg"
    return f"photos/{uuid.uuid4().hex}{suffix}"


def normalised(text):
    """Case and spacing folded, to compare texts as a reader would."""
    return " ".join(text.split()).casefold()


class Photo(models.Model):
    """A press photo with what the law and the press need next to it."""

    image = models.ImageField(
        _("image"), upload_to=photo_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    # Bytes of the stored original, kept at upload: feeds announce it for every item without
    # asking the storage (a file lost from it must not break a feed; object storage would be
    # asked once per item and request).
    file_size = models.PositiveBigIntegerField(_("file size"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        help_text=_("Describes the picture for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, help_text=_('Printed as "Foto: …" wherever the photo appears.')
    )
    usage_note = models.CharField(
        _("licence and usage note"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown to the press next to the download, e.g. who may use the photo for what. "
            "Blank: free for reporting on this press release, with the credit."
        ),
    )
    # Made once at upload by newsroom.imaging: [{"width", "height", "jpeg", "webp"}], narrowest first.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    people = models.ManyToManyField(
        Person, through="PhotoPerson", related_name="photos", verbose_name=_("people shown"), blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""), name="photo_alt_text_required"
            ),
            models.CheckConstraint(condition=~Q(credit=""), name="photo_credit_required"),
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def clean(self):
        super().clean()
        errors = {}
        # The page prints "Foto: …" itself; a typed "Foto:" would appear twice.
        credit = re.sub(r"^\s*(?:foto|photo|bild)\s*:\s*", "", self.credit, flags=re.IGNORECASE)
        if self.credit and not credit:  # nothing but "Foto:" (a blank credit is refused by the field)
            errors["credit"] = self._meta.get_field("credit").error_messages["blank"]
        self.credit = credit
        if self.alt_text and normalised(self.alt_text) == normalised(self.caption):
            errors["alt_text"] = _(
                "The alternative text must describe what the picture shows, not repeat the caption."
            )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def rendition_list(self):
        """The stored renditions, narrowest first, as ``Rendition`` objects."""
        from ..imaging import Rendition

        return [Rendition(**rendition) for rendition in self.renditions or []]

    @property
    def default_rendition(self):
        """What ``src`` points at where ``srcset`` is not understood (feeds, old browsers)."""
        fitting = [rendition for rendition in self.rendition_list if rendition.width <= 1200]
        return (fitting or self.rendition_list)[-1] if self.rendition_list else None

    @property
    def thumbnail_url(self):
        return self.rendition_list[0].jpeg_url if self.rendition_list else self.image.url

    @property
    def extension(self):
        return Path(self.image.name).suffix.lstrip(".").lower()

    @property
    def people_in_order(self):
        """The people shown, left to right (uses the prefetched placements when present)."""
        return [shown.person for shown in self.shown.all()]


class Consent(models.TextChoices):
    """Whether a person shown agreed (section 22 KUG) or need not (section 23 KUG)."""

    MISSING = "missing", _("not recorded yet")
    GIVEN = "given", _("given")
    NOT_REQUIRED = "not_required", _("not required (§ 23 KUG)")


class ConsentGround(models.TextChoices):
    """The exceptions of section 23 (1) KUG under which no consent is needed."""

    CONTEMPORARY_HISTORY = "contemporary_history", _(
        "§ 23 (1) no. 1 KUG: contemporary history, e.g. an official in office"
    )
    ACCESSORY = "accessory", _("§ 23 (1) no. 2 KUG: people only accessory to a landscape or place")
    ASSEMBLY = "assembly", _("§ 23 (1) no. 3 KUG: assemblies, processions and similar public events")
    ART = "art", _("§ 23 (1) no. 4 KUG: serving a higher interest of art")


class PhotoPerson(models.Model):
    """A person shown in a photo, at a position counted from the left, and their consent."""

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="shown")
    # PROTECT: deleting a person must not silently change a published caption.
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="shown_in", verbose_name=_("person"))
    position = models.PositiveSmallIntegerField(_("position from the left"), default=1)
    consent = models.CharField(_("consent"), max_length=20, choices=Consent.choices, default=Consent.MISSING)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_until = models.DateField(
        _("consent valid until"),
        null=True,
        blank=True,
        help_text=_("Blank: without end. After this day the photo leaves public pages and feeds."),
    )
    consent_ground = models.CharField(
        _("ground without consent"), max_length=30, choices=ConsentGround.choices, blank=True
    )
    consent_note = models.CharField(
        _("consent note"), max_length=300, blank=True, help_text=_("E.g. where the signed form is filed.")
    )

    class Meta:
        verbose_name = _("person shown")
        verbose_name_plural = _("people shown (from left to right)")
        ordering = ["position", "pk"]
        # Every public response asks when a consent next starts or ends
        # (newsroom.consent.consent_date_annotations): two index probes, not two scans.
        indexes = [
            models.Index(fields=["consent_until"], condition=Q(consent=Consent.GIVEN), name="photo_consent_until_idx"),
            models.Index(fields=["consent_given_on"], condition=Q(consent=Consent.GIVEN), name="photo_consent_from_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["photo", "person"], name="person_shown_once_per_photo"),
            models.CheckConstraint(
                condition=~Q(consent=Consent.GIVEN) | Q(consent_given_on__isnull=False),
                name="photo_consent_given_has_date",
                violation_error_message=_("Consent given: enter the date it was given."),
            ),
            models.CheckConstraint(
                condition=~Q(consent=Consent.NOT_REQUIRED) | ~Q(consent_ground=""),
                name="photo_consent_not_required_has_ground",
                violation_error_message=_("Consent not required: choose the ground under § 23 KUG."),
            ),
            models.CheckConstraint(
                condition=Q(consent_until__isnull=True)
                | Q(consent_given_on__isnull=True)
                | Q(consent_until__gte=models.F("consent_given_on")),
                name="photo_consent_ends_after_it_starts",
                violation_error_message=_("Consent cannot end before the day it was given."),
            ),
        ]

    def __str__(self):
        return str(self.person)
