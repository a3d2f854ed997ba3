from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .models import LegalPage


class LegalPageView(DetailView):
    """One legal page by its kind, fixed per URL in ``pages.urls``."""

    kind = None
    context_object_name = "page"
    template_name = "pages/legalpage.html"

    def get_object(self, queryset=None):
        return get_object_or_404(LegalPage, kind=self.kind)
