from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The pages exist from the first migration on and keep their addresses:
    staff change their text, nobody adds or deletes one."""

    list_display = ["title", "public_link", "updated_at"]
    fields = ["title", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("address"))
    def public_link(self, page):
        url = page.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)
