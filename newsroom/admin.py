from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import PersonForm, PlacedInSectionForm, PlacedInSectionFormSet, SectionForm, SectionFormSet
from .models import Person, PressRelease, Quote, ReleasePhoto, Section, Topic
from .workflow_admin import ReleasePartInlineMixin, WorkflowAdminMixin


def thumbnail(photo, size=80):
    if not photo or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" style="height:auto" loading="lazy">', photo.thumbnail_url, size
    )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonForm
    list_display = ["name", "role", "organisation", "is_public_figure", "is_press_contact", "naming_consent_on"]
    list_filter = ["is_public_figure", "is_press_contact"]
    search_fields = ["name", "role", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "organisation", "is_public_figure"]}),
        (_("Press contact"), {"fields": ["is_press_contact", "phone", "email"]}),
        (_("Consent to be named"), {"fields": ["naming_consent_on", "naming_consent_note"]}),
    ]

    def view_on_site(self, person):
        # Private people have no page: no "view on site" button for them (issue 5).
        return person.get_absolute_url() or None


class SectionInline(ReleasePartInlineMixin, admin.StackedInline):
    model = Section
    form = SectionForm
    formset = SectionFormSet
    fields = ["position", "heading", "body"]
    extra = 1


class PlacedInSectionInline(ReleasePartInlineMixin, admin.TabularInline):
    form = PlacedInSectionForm
    formset = PlacedInSectionFormSet
    extra = 1


class QuoteInline(PlacedInSectionInline):
    model = Quote
    fields = ["section_number", "position", "text", "person", "attribution", "role"]
    autocomplete_fields = ["person"]


class ReleasePhotoInline(PlacedInSectionInline):
    model = ReleasePhoto
    fields = ["section_number", "position", "photo"]
    autocomplete_fields = ["photo"]


@admin.register(PressRelease)
class PressReleaseAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "release_number", "preview"]
    list_filter = ["status", "topics", ("published_at", admin.DateFieldListFilter)]
    list_select_related = ["hero_photo"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["press_contact", "hero_photo", "named_people"]
    filter_horizontal = ["topics"]
    # The publication time is set by the workflow (publish now or at a time), never typed in.
    readonly_fields = ["status", "release_number", "published_at", "created_at", "created_by", "updated_at", "updated_by"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "dateline"]}),
        (_("Publication"), {"fields": ["status", "release_number", "published_at"]}),
        (_("Context"), {"fields": ["press_contact", "hero_photo", "topics", "named_people"]}),
        (_("History"), {"classes": ["collapse"], "fields": [("created_at", "created_by"), ("updated_at", "updated_by")]}),
    ]
    inlines = [SectionInline, QuoteInline, ReleasePhotoInline]

    @admin.display(description=_("photo"))
    def preview(self, release):
        return thumbnail(release.hero_photo, size=60)

    def _create_formsets(self, request, obj, change):
        # Quotes and photos name their section by number; give their formsets the
        # section formset of the same submission so they can check those numbers.
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        sections = next(fs for fs in formsets if isinstance(fs, SectionFormSet))
        for formset in formsets:
            if isinstance(formset, PlacedInSectionFormSet):
                formset.section_formset = sections
        return formsets, inline_instances

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if isinstance(formset, PlacedInSectionFormSet):
            formset.save_placed(form.instance)
        else:
            super().save_formset(request, form, formset, change)


# The photo library lives in its own module (uploads, consent, use).
from . import admin_photos  # noqa: E402,F401
