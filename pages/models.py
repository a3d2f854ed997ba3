"""The pages a German public body must publish: imprint, privacy notice,
accessibility statement (BITV 2.0 section 7) and the explanation of the site in
Leichte Sprache (BITV 2.0 section 4). Their addresses are fixed; staff edit the text.
"""

from ckeditor.fields import RichTextField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.sanitizer import clean_html


class Kind(models.TextChoices):
    """Which legal page; each has one fixed public address (see ``URL_NAMES``)."""

    IMPRINT = "imprint", _("Imprint")
    PRIVACY = "privacy", _("Privacy notice")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    EASY_LANGUAGE = "easy-language", _("Easy-to-read explanation")


class LegalPage(models.Model):
    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(
        _("text"),
        config_name="legal_page",
        help_text=_("Sub-headings as “Heading 2”, below them “Heading 3”; the page title is the main heading."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"pages:{self.kind}")

    def save(self, *args, **kwargs):
        # Staff HTML is cleaned on the server: CKEditor 4 is no security boundary.
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)
