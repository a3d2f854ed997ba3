from django.urls import path

from . import feeds, photo_views, preview, views

app_name = "newsroom"

urlpatterns = [
    path("pressemeldungen/", views.PressReleaseListView.as_view(), name="list"),
    path("pressemeldungen/feed/rss/", feeds.LatestReleasesFeed(), name="feed-rss"),
    path("vorschau/<str:token>/", preview.share_link_view, name="share"),
    path("pressemeldungen/<slug:slug>/", views.PressReleaseDetailView.as_view(), name="detail"),
    path(
        "pressemeldungen/<slug:slug>/fotos/<int:pk>/herunterladen/",
        photo_views.photo_download,
        name="photo-download",
    ),
]
