from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Press office")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import revisions  # noqa: F401  (registers the models with django-reversion)

        # Rich text is cleaned on raw saves too (restores, fixtures): newsroom.security.rich_text.
        from .security import rich_text

        rich_text.connect(self)

        # A deleted photo's files go once the deletion has committed.
        from .imaging import cleanup

        cleanup.connect()

        # Public pages are cached until anything they show changes: newsroom.pagecache.
        from .pagecache import signals

        signals.connect()

        # Search index, slug history and Last-Modified follow every change.
        from . import freshness, redirects, search_index

        search_index.connect()
        redirects.connect()
        freshness.connect()
