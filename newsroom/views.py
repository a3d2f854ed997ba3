from django.http import Http404
from django.views.generic import DetailView, ListView

from .models import PressRelease
from .pagination import ArchivePaginationMixin
from .preview import public_change_notes, withdrawn_response
from .querysets import prefetch_hero_people


class PressReleaseListView(ArchivePaginationMixin, ListView):
    context_object_name = "press_releases"
    paginate_by = 10
    page_kwarg = "seite"

    def get_queryset(self):
        return PressRelease.objects.published().for_list()


class PressReleaseDetailView(DetailView):
    def get_queryset(self):
        return PressRelease.objects.published().for_detail()

    def get_object(self, queryset=None):
        return prefetch_hero_people(super().get_object(queryset))

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A withdrawn release answers 410 with its reason, not 404 (workflow issue).
            return withdrawn_response(request, kwargs["slug"])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "change_notes": public_change_notes(self.object)}
