import uuid
from pathlib import Path

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


class Photo(models.Model):
    """A press photo with what the law and the press need next to it."""

    image = models.ImageField(
        _("image"), upload_to=photo_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        help_text=_("Describes the picture for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, help_text=_('Printed as "Foto: …" wherever the photo appears.')
    )
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

    @property
    def people_in_order(self):
        """The people shown, left to right (uses the prefetched placements when present)."""
        return [shown.person for shown in self.shown.all()]


class PhotoPerson(models.Model):
    """A person shown in a photo, at a position counted from the left."""

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="shown")
    # PROTECT: deleting a person must not silently change a published caption.
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="shown_in", verbose_name=_("person"))
    position = models.PositiveSmallIntegerField(_("position from the left"), default=1)

    class Meta:
        verbose_name = _("person shown")
        verbose_name_plural = _("people shown (from left to right)")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["photo", "person"], name="person_shown_once_per_photo"),
        ]

    def __str__(self):
        return str(self.person)
