from django.views.generic import DetailView, ListView

from .models import PressRelease


class PressReleaseListView(ListView):
    context_object_name = "press_releases"
    paginate_by = 10
    page_kwarg = "seite"

    def get_queryset(self):
        return PressRelease.objects.published().for_list()


class PressReleaseDetailView(DetailView):
    def get_queryset(self):
        return PressRelease.objects.published().with_body()
