from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def people_caption(photo):
    """"v. l. n. r.: A, B, C" from the people shown, in order; "Im Bild: A" for one."""
    names = [person.name for person in photo.people_in_order]
    if not names:
        return ""
    if len(names) == 1:
        return _("Pictured: %(name)s") % {"name": names[0]}
    return _("From left to right: %(names)s") % {"names": ", ".join(names)}
