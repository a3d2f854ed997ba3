from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from . import feeds, photo_views, preview, public_views, views
from .sitemaps import SITEMAPS

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

# Journalists' channels and findability (issue 5).

urlpatterns += [
    path("pressemeldungen/feed/atom/", feeds.LatestReleasesAtomFeed(), name="feed-atom"),
    path("themen/", public_views.topic_list, name="topics"),
    path("themen/<slug:slug>/", public_views.topic_detail, name="topic"),
    path("themen/<slug:slug>/feed/rss/", feeds.TopicReleasesFeed(), name="topic-feed-rss"),
    path("themen/<slug:slug>/feed/atom/", feeds.TopicReleasesAtomFeed(), name="topic-feed-atom"),
    path("archiv/", public_views.archive_index, name="archive"),
    re_path(r"^archiv/(?P<year>[0-9]{4})/$", public_views.archive_year, name="archive-year"),
    re_path(r"^archiv/(?P<year>[0-9]{4})/(?P<month>0?[1-9]|1[0-2])/$", public_views.archive_year, name="archive-month"),
    path("personen/<slug:slug>/", public_views.person_detail, name="person"),
    path("suche/", public_views.search, name="search"),
    # An index, so that a long archive stays within the protocol's 50,000 URLs per file.
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "newsroom:sitemap-section"},
         name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", public_views.robots_txt, name="robots"),
]
