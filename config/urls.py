from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="newsroom:list", permanent=False)),
    path("admin/", admin.site.urls),
    path("", include("newsroom.urls")),
    path("", include("pages.urls")),
]

if settings.DEBUG or settings.DEMO_MODE:
    # In production the web server in front serves media files (README, deploy).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
