"""The site's URLs plus one view that fails, for the 500 page test."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("internal detail: postgres://geheim@db/newsroom")


urlpatterns = [path("kaputt/", fail), *site_urlpatterns]
