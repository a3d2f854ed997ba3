"""What search engines and link previews read from a release page."""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

# "</script>" inside a string must not end the data block (same escapes as json_script).
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def date_modified(release, change_notes=None):
    """When readers were last told of a change: the newest public change note (workflow),
    else the publication. Internal edits do not count, as in the feeds."""
    return max([release.published_at, *(note.created_at for note in change_notes or ())])


def news_article(release, request, change_notes=None):
    """schema.org NewsArticle: headline, dates, image, publisher (the agency), author."""
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
    photo = release.hero_photo
    if photo is not None:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": absolute(request, photo.image.url),
                "width": photo.width,
                "height": photo.height,
                "caption": photo.caption or photo.alt_text,
                "creditText": photo.credit,
            }
        ]
    return data


@register.simple_tag(takes_context=True)
def release_json_ld(context, release):
    """The JSON-LD data block; a data block is not executed, so a strict CSP allows it."""
    data = news_article(release, context["request"], context.get("change_notes"))
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def release_date_modified(context, release):
    return date_modified(release, context.get("change_notes"))


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return absolute(context["request"], url)
