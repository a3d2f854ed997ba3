from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    """One record per real person, so quotes and captions point at one spelling.

    Public figures (officials, press contacts) may get a public person page.
    Private people are named only with their recorded consent and never get a page.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(_("current role"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    is_public_figure = models.BooleanField(
        _("public figure"),
        default=False,
        help_text=_(
            "Officials and press contacts acting in their public role. "
            "Private people may only be named with their recorded consent."
        ),
    )
    is_press_contact = models.BooleanField(_("press contact"), default=False)
    phone = models.CharField(_("public phone"), max_length=50, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    # Naming a private person is processing personal (for clients of the agency:
    # social) data (Art. 6 GDPR, section 35 SGB I): only with their recorded consent.
    naming_consent_on = models.DateField(
        _("consent to be named given on"),
        null=True,
        blank=True,
        help_text=_("Private people only: the day they agreed to be named or quoted in press releases."),
    )
    naming_consent_note = models.CharField(
        _("note on the consent to be named"),
        max_length=300,
        blank=True,
        help_text=_("E.g. where the signed form is filed."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_press_contact=False) | Q(is_public_figure=True),
                name="press_contact_is_public_figure",
                violation_error_message=_("A press contact must be a public figure."),
            ),
            models.CheckConstraint(
                condition=Q(is_press_contact=True) | (Q(phone="") & Q(email="")),
                name="contact_details_only_for_press_contacts",
                violation_error_message=_("Only press contacts have a public phone number and e-mail."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The public person page; empty for private people, who never get one."""
        if not self.is_public_figure:
            return ""
        return reverse("newsroom:person", kwargs={"slug": self.slug})

    @property
    def may_be_named(self):
        """Public figures always; private people only with recorded consent."""
        return self.is_public_figure or self.naming_consent_on is not None

    @property
    def role_line(self):
        """"Role, Organisation" as printed under a name."""
        return ", ".join(part for part in (self.role, self.organisation) if part)
