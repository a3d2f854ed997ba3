from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from two_factor.urls import urlpatterns as two_factor_urls

from newsroom.security.media import serve_media

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="newsroom:list", permanent=False)),
    # Staff sign-in with a second factor, below /admin/ so the admin's CSP applies.
    path("admin/", include(two_factor_urls)),
    path("admin/", admin.site.urls),
    path("", include("newsroom.urls")),
    path("", include("pages.urls")),
]

if settings.DEBUG or settings.DEMO_MODE:
    # In production the web server in front serves media files (README, deploy).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]
