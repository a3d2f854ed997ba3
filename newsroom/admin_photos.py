"""The photo library in the admin: safe uploads, consent per person shown, where a photo is used."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .consent import consent_is_valid
from .imaging import delete_files, prepare_upload, save_photo
from .models import Photo, PhotoPerson, PressRelease


class PhotoForm(forms.ModelForm):
    """The file is checked and cleaned here; it is stored only when the whole form is valid."""

    # A plain file field: the content is judged by newsroom.imaging, not by Django's ImageField.
    image = forms.FileField(
        label=_("image file"),
        error_messages={"required": _("Choose an image file.")},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG or WebP. Rotation is applied, and all metadata (EXIF, GPS position, XMP, IPTC) "
            "is removed from every stored file."
        ),
    )

    class Meta:
        model = Photo
        fields = ["alt_text", "caption", "credit", "usage_note"]

    prepared = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new photo needs a file; an existing one keeps its file unless a new one comes.
        self.fields["image"].required = self.instance.pk is None

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            self.prepared = prepare_upload(upload)
        # Returned as given: save_photo() replaces it with the cleaned file's stored name.
        return upload


class PhotoPersonInline(admin.TabularInline):
    model = PhotoPerson
    autocomplete_fields = ["person"]
    fields = ["person", "position", "consent", "consent_given_on", "consent_until", "consent_ground", "consent_note"]
    extra = 1


def releases_using(photo):
    return PressRelease.objects.filter(Q(hero_photo=photo) | Q(photo_placements__photo=photo)).distinct()


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["preview", "__str__", "credit", "people_shown", "consent_state", "use_count", "created_at"]
    search_fields = ["caption", "credit", "alt_text", "people__name"]
    list_filter = ["shown__consent"]
    # Newest uploads first, in the list and in the photo choosers of a release (autocomplete).
    ordering = ["-created_at", "-pk"]
    inlines = [PhotoPersonInline]
    readonly_fields = ["preview_large", "size", "used_in"]
    fieldsets = [
        (None, {"fields": ["image", "preview_large", "size"]}),
        (_("For readers and the press"), {"fields": ["alt_text", "caption", "credit", "usage_note"]}),
        (_("Use"), {"fields": ["used_in"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(hero_count=Count("hero_of", distinct=True), placed_count=Count("placements", distinct=True))
            .prefetch_related("shown__person")
        )

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return format_html('<img src="{}" alt="" width="80" style="height:auto" loading="lazy">', photo.thumbnail_url)

    @admin.display(description=_("preview"))
    def preview_large(self, photo):
        if not photo.pk:
            return "—"
        return format_html('<img src="{}" alt="" width="320" style="height:auto">', photo.thumbnail_url)

    @admin.display(description=_("size"))
    def size(self, photo):
        if not photo.pk:
            return "—"
        return _("%(width)s × %(height)s pixels, %(count)s renditions") % {
            "width": photo.width, "height": photo.height, "count": len(photo.renditions),
        }

    @admin.display(description=_("people shown"))
    def people_shown(self, photo):
        return ", ".join(person.name for person in photo.people_in_order)

    @admin.display(description=_("consent"))
    def consent_state(self, photo):
        now = timezone.now()
        missing = [shown.person.name for shown in photo.shown.all() if not consent_is_valid(shown, now)]
        if not missing:
            return _("complete")
        return _("missing: %(people)s") % {"people": ", ".join(missing)}

    @admin.display(description=_("used in"))
    def use_count(self, photo):
        return photo.hero_count + photo.placed_count

    @admin.display(description=_("used in press releases"))
    def used_in(self, photo):
        releases = releases_using(photo) if photo.pk else []
        if not releases:
            return _("not used yet")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (reverse("admin:newsroom_pressrelease_change", args=[release.pk]), release.title,
                     release.get_status_display())
                    for release in releases
                ),
            ),
        )

    def changeform_view(self, request, *args, **kwargs):
        # The admin rolls the database back when saving fails after the files were
        # written (e.g. in an inline); the files must go too, or they are orphans.
        request.newsroom_photo_files = []
        try:
            return super().changeform_view(request, *args, **kwargs)
        except BaseException:
            delete_files(request.newsroom_photo_files)
            raise

    def save_model(self, request, obj, form, change):
        if form.prepared is None:
            super().save_model(request, obj, form, change)
        else:
            save_photo(obj, form.prepared, written=getattr(request, "newsroom_photo_files", None))

    def delete_view(self, request, object_id, extra_context=None):
        photo = self.get_object(request, unquote(object_id))
        if photo is not None and releases_using(photo).exists():
            titles = ", ".join(f"„{release.title}“" for release in releases_using(photo))
            self.message_user(
                request,
                _("This photo is used in %(releases)s and cannot be deleted. Remove it from those press "
                  "releases first.") % {"releases": titles},
                messages.ERROR,
            )
            return redirect(reverse("admin:newsroom_photo_change", args=[photo.pk]))
        return super().delete_view(request, object_id, extra_context)

