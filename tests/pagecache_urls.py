"""A stand-in for pages other issues add under the public prefixes (topic, archive, legal pages)."""

from django.http import HttpResponse
from django.urls import include, path

from newsroom.models import Topic

RENDERED = []


def topic_page(request, slug):
    RENDERED.append(slug)
    return HttpResponse(f"<h1>{Topic.objects.get(slug=slug).name}</h1>")


def private_page(request):
    response = HttpResponse("nur für diese Anfrage")
    response["Cache-Control"] = "private"
    return response


def cookie_page(request):
    response = HttpResponse("mit Keks")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [
    path("themen/<slug:slug>/", topic_page),
    path("impressum/", private_page),
    path("archiv/keks/", cookie_page),
    path("", include("config.urls")),
]
