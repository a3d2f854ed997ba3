from django.urls import path

from .models import Kind
from .views import LegalPageView

app_name = "pages"

# German paths are a public contract (DESIGN.md); the URL name is the page's kind.
PATHS = {
    Kind.IMPRINT: "impressum/",
    Kind.PRIVACY: "datenschutz/",
    Kind.ACCESSIBILITY: "barrierefreiheit/",
    Kind.EASY_LANGUAGE: "leichte-sprache/",
}

urlpatterns = [path(route, LegalPageView.as_view(kind=kind), name=kind.value) for kind, route in PATHS.items()]
