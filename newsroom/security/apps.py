from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin with our site class: the documented way to replace ``admin.site``."""

    default_site = "newsroom.security.admin_site.NewsroomAdminSite"

