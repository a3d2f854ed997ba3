"""Feeds for journalists: full text, stable ids, the hero photo as enclosure."""

import datetime
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .consent import photo_is_public
from .models import PressRelease, Topic
from .models.workflow import with_last_public_change
from .sanitizer import clean_feed_html

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
# An empty feed's date: fixed, so that its validators do not change by the second.
EMPTY_FEED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


class MediaCreditMixin:
    """The hero photo as Media RSS, so feed readers show the credit next to the picture."""

    def add_media(self, handler, item):
        media = item.get("media")
        if not media:
            return
        handler.startElement("media:content", media["attributes"])
        handler.addQuickElement("media:description", media["alt_text"])
        handler.addQuickElement("media:credit", media["credit"])
        handler.endElement("media:content")

    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


class FullTextAtom(MediaCreditMixin, Atom1Feed):
    """Atom 1.0 with the whole release in ``content``; enclosures are ``link rel="enclosure"``."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_encoded"):
            handler.addQuickElement("content", item["content_encoded"], {"type": "html"})
        self.add_media(handler, item)


class FullTextRss(MediaCreditMixin, Rss201rev2Feed):
    """RSS 2.0 with the whole release in ``content:encoded``."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_encoded"):
            handler.addQuickElement("content:encoded", item["content_encoded"])
        if item.get("updateddate"):
            # RSS has no date of change; Atom's element (namespace declared by Django) carries it.
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        self.add_media(handler, item)


def release_guid(release):
    """A tag: URI from the primary key, so it survives title and slug edits."""
    return f"tag:{settings.NEWSROOM_TAG_AUTHORITY}:pressrelease:{release.pk}"


class LatestReleasesFeed(Feed):
    feed_type = FullTextRss
    title = _("Press releases")
    description = _("All press releases, newest first, with full text.")
    language = "de"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("newsroom:list")

    def items(self):
        releases = PressRelease.objects.published().with_body().newest_first()
        return with_last_public_change(releases)[: settings.NEWSROOM_FEED_ITEMS]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        # Readers render <description> as HTML; the lead is plain text, so escape it (#7).
        return escape(release.lead)

    def item_guid(self, release):
        return release_guid(release)

    item_guid_is_permalink = False

    def item_pubdate(self, release):
        return release.published_at

    def item_updateddate(self, release):
        # Only a public change note moves the date readers see (workflow); internal edits do not.
        return max(filter(None, [release.published_at, getattr(release, "last_public_change", None)]))

    def item_author_name(self, release):
        return settings.NEWSROOM_PUBLISHER

    def item_categories(self, release):
        return [topic.name for topic in release.topics.all()]

    def item_enclosures(self, release):
        photo = release.hero_photo
        if photo is None or not photo_is_public(photo, timezone.now()):
            return []
        mime_type = mimetypes.guess_type(photo.image.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(photo.image.url)
        return [Enclosure(url, str(photo.file_size), mime_type)]

    def item_extra_kwargs(self, release):
        html = render_to_string("newsroom/includes/release_feed_body.html", {"release": release})
        return {
            "content_encoded": clean_feed_html(html, base_url=self.request.build_absolute_uri("/")),
            "media": self.item_media(release),
        }

    def item_media(self, release):
        photo = release.hero_photo
        if photo is None or not photo_is_public(photo, timezone.now()):
            return None
        attributes = {"url": self.request.build_absolute_uri(photo.image.url), "medium": "image"}
        attributes["type"] = mimetypes.guess_type(photo.image.name)[0] or "image/jpeg"
        if photo.width and photo.height:
            attributes.update(width=str(photo.width), height=str(photo.height))
        return {"attributes": attributes, "alt_text": photo.alt_text, "credit": photo.credit}


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = FullTextAtom
    subtitle = LatestReleasesFeed.description


class TopicReleasesFeed(LatestReleasesFeed):
    """The releases of one topic (``/themen/<slug>/feed/rss/``)."""

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return _("Press releases: %(topic)s") % {"topic": topic.name}

    def description(self, topic):
        return _("Press releases on %(topic)s, newest first, with full text.") % {"topic": topic.name}

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        releases = PressRelease.objects.published().in_topic(topic).with_body().newest_first()
        return with_last_public_change(releases)[: settings.NEWSROOM_FEED_ITEMS]


class TopicReleasesAtomFeed(TopicReleasesFeed):
    feed_type = FullTextAtom

    def subtitle(self, topic):
        return self.description(topic)
