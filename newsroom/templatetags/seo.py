"""What search engines and link previews read from a release page."""

import json

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..consent import public_hero

register = template.Library()

# "</script>" inside a string must not end the data block (same escapes as json_script).
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def date_modified(release, change_notes=None):
    """When readers were last told of a change: the newest public change note (workflow),
    else the publication. Internal edits do not count, as in the feeds."""
    return max([release.published_at, *(note.created_at for note in change_notes or ())])


def news_article(release, request, change_notes=None, image=None):
    """schema.org NewsArticle: headline, dates, image (``release_share_image``), publisher
    (the agency), author."""
    agency = {"@type": "GovernmentOrganization", "name": settings.NEWSROOM_PUBLISHER, "url": absolute(request, "/")}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": absolute(request, release.get_absolute_url()),
        "url": absolute(request, release.get_absolute_url()),
        "headline": release.title[:110],
        "description": release.lead,
        "datePublished": release.published_at.isoformat(),
        "dateModified": date_modified(release, change_notes).isoformat(),
        "inLanguage": "de",
        "publisher": agency,
        "author": {**agency, "name": f"{settings.NEWSROOM_PUBLISHER} – {gettext('Press office')}"},
    }
    if release.release_number:
        data["identifier"] = release.release_number
    if release.dateline:
        data["locationCreated"] = {"@type": "Place", "name": release.dateline}
    keywords = [topic.name for topic in release.topics.all()]
    if keywords:
        data["articleSection"] = keywords
    if image is not None:
        photo = image["photo"]
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
                "caption": photo.caption or photo.alt_text,
                "creditText": photo.credit,
            }
        ]
    return data


@register.simple_tag(takes_context=True)
def release_share_image(context, release):
    """The hero as link previews and JSON-LD show it: its default rendition (at most 1,200
    pixels wide, as previews ask), the original if it has none; None without a hero or
    once someone in it may no longer be shown."""
    photo = public_hero(release, timezone.now())
    if photo is None:
        return None
    rendition = photo.default_rendition
    url, width, height = (rendition.jpeg_url, rendition.width, rendition.height) if rendition else (
        photo.image.url, photo.width, photo.height)
    return {"photo": photo, "url": absolute(context["request"], url), "width": width, "height": height}


@register.simple_tag(takes_context=True)
def release_json_ld(context, release, image):
    """The JSON-LD data block, with the page's ``release_share_image``; a data block is not
    executed, so a strict CSP allows it."""
    data = news_article(release, context["request"], context.get("change_notes"), image)
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def release_date_modified(context, release):
    return date_modified(release, context.get("change_notes"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return absolute(context["request"], url)
