"""Presentation helpers for press photos: consent at render time, srcset, linked captions."""

from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..consent import photo_is_public

register = template.Library()


@register.filter
def public_photo(photo):
    """``photo`` while everyone shown may be shown now, else None (consent ends at render time)."""
    if photo is None or not photo_is_public(photo, timezone.now()):
        return None
    return photo


@register.filter
def lead_photo(release):
    """The photo readers see first: the hero on top, else the first photo in the text."""
    if release.shows_hero_on_top and public_photo(release.hero_photo):
        return release.hero_photo
    for placement in release.photo_placements.all():
        if public_photo(placement.photo):
            return placement.photo
    return None


@register.simple_tag(takes_context=True)
def is_first_photo(context, photo):
    """Whether ``photo`` is the page's ``first_photo`` (loaded eagerly, not lazily)."""
    first = context.get("first_photo")
    return first is not None and photo.pk == first.pk


@register.simple_tag(takes_context=True)
def fallback_rendition(context, photo):
    """The rendition for ``src``: the smallest for thumbnails, else the photo's default."""
    if context.get("thumbnail"):
        return photo.rendition_list[0]
    return photo.default_rendition


@register.filter
def srcset(photo, image_format):
    """"url 480w, url 800w, …" for ``jpeg`` or ``webp``; each width is the file's real width."""
    return ", ".join(
        f"{getattr(rendition, f'{image_format}_url')} {rendition.width}w" for rendition in photo.rendition_list
    )


def person_name(person):
    url = person.get_absolute_url()
    return format_html('<a href="{}">{}</a>', url, person.name) if url else escape(person.name)


@register.filter
def people_caption_links(photo):
    """"v. l. n. r.: A, B" with each public figure's name linked to their person page."""
    people = photo.people_in_order
    if not people:
        return ""
    names = mark_safe(", ".join(person_name(person) for person in people))
    if len(people) == 1:
        return mark_safe(escape(_("Pictured: %(name)s")) % {"name": names})
    return mark_safe(escape(_("From left to right: %(names)s")) % {"names": names})
