from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin with our site class: the documented way to replace ``admin.site``."""

    default_site = "newsroom.security.admin_site.NewsroomAdminSite"


class NewsroomStaticFilesConfig(StaticFilesConfig):
    """Static files without the HTML pages and test fixtures bundled with CKEditor 4.

    django-ckeditor ships CKEditor's plugin test pages and dialog pages (e.g.
    ``wsc/dialogs/ciframe.html``) that the trimmed editor never loads; served
    from our domain they would be old, unreviewed HTML with inline script.
    """

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "ckeditor/*.html", "ckeditor/*/tests/*", "ckeditor/galleriffic/*"]
