"""Admin forms and formsets that check a release across its parts.

Django's admin has no nested inlines, so quotes and photos are placed by their
section's number; the formsets below check those numbers against the sections
submitted in the same request before anything is saved.
"""

import re

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .models import Person
from .security.rich_text import CleanRichTextFormField


def name_key(name):
    """Spelling-insensitive key: "Abdul-Ahmad Rashid" and "Abdul Ahmad Rashid" agree."""
    return re.sub(r"[\W_]+", "", name.casefold())


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name", "")
        organisation = cleaned.get("organisation", "")
        others = Person.objects.exclude(pk=self.instance.pk).filter(organisation=organisation)
        twin = next((person for person in others.only("name") if name_key(person.name) == name_key(name)), None)
        if twin:
            raise forms.ValidationError(
                _("“%(name)s” already exists. Use that record, so that every mention points at one person."),
                params={"name": twin.name},
                code="duplicate_person",
            )
        return cleaned


class SectionFormSet(BaseInlineFormSet):
    """Sections with unique numbers; a blank number means "after the others"."""

    def live_forms(self):
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]

    def clean(self):
        super().clean()
        forms_ = [form for form in self.live_forms() if hasattr(form, "cleaned_data")]
        taken = [form.cleaned_data["position"] for form in forms_ if form.cleaned_data.get("position")]
        next_number = max(taken, default=0) + 1
        for form in forms_:
            if not form.cleaned_data.get("position"):
                form.cleaned_data["position"] = form.instance.position = next_number
                next_number += 1
        seen = set()
        for form in forms_:
            number = form.cleaned_data["position"]
            if number in seen:
                form.add_error("position", _("Section number %(number)s is used twice.") % {"number": number})
            seen.add(number)

    def section_numbers(self):
        """The numbers of the sections this submission keeps."""
        if not self.is_valid():
            return None
        return {form.cleaned_data["position"] for form in self.live_forms()}


class SectionForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_("number"), min_value=1, required=False, help_text=_("Blank: after the last section.")
    )

    class Meta:
        # The editor is only ever handed cleaned HTML, also when the form comes back with errors (#7).
        field_classes = {"body": CleanRichTextFormField}


class PlacedInSectionForm(forms.ModelForm):
    """A quote or photo placed by the number of the section it follows."""

    section_number = forms.IntegerField(label=_("in section no."), min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.section_id:
            self.fields["section_number"].initial = self.instance.section.position


class PlacedInSectionFormSet(BaseInlineFormSet):
    """Quotes or photos; each must name a section kept by the same submission.

    The admin sets ``section_formset`` before validation (see ``PressReleaseAdmin``).
    """

    section_formset = None

    def clean(self):
        super().clean()
        numbers = self.section_formset.section_numbers() if self.section_formset else set()
        if numbers is None:
            return  # the sections carry their own errors; placement is checked once they are fixed
        for form in self.forms:
            if self._should_delete_form(form) or not (form.instance.pk or form.has_changed()):
                continue
            number = form.cleaned_data.get("section_number")
            if number is not None and number not in numbers:
                form.add_error(
                    "section_number", _("This release has no section number %(number)s.") % {"number": number}
                )

    def save_placed(self, release):
        """Save kept forms into the sections their numbers name; delete the removed ones."""
        sections = {section.position: section for section in release.sections.all()}
        self.save(commit=False)
        for obj in self.deleted_objects:
            obj.delete()
        for form in self.forms:
            if self._should_delete_form(form) or not (form.instance.pk or form.has_changed()):
                continue
            form.instance.release = release
            form.instance.section = sections[form.cleaned_data["section_number"]]
            form.instance.save()
        self.save_m2m()
