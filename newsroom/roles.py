"""The two staff groups of a press office and what each may do."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

EDITORS = "Redaktion"
PRESS_OFFICERS = "Freigabe"

_CONTENT_MODELS = ["pressrelease", "section", "quote", "releasephoto", "person", "photo", "photoperson", "topic"]
_EDITOR_ACTIONS = ["add", "change", "view"]
# The groups' permissions come from these apps; "pages" holds the legal pages.
_STAFF_APPS = ["newsroom", "pages"]

GROUP_DESCRIPTIONS = {
    EDITORS: _("Write and edit drafts, hand them over for approval."),
    PRESS_OFFICERS: _("Everything editors do, and publish, correct and withdraw."),
}


def editor_permission_codenames():
    return [f"{action}_{model}" for model in _CONTENT_MODELS for action in _EDITOR_ACTIONS] + [
        "delete_section", "delete_quote", "delete_releasephoto", "delete_photoperson",
        "view_legalpage",
    ]


def press_officer_permission_codenames():
    return editor_permission_codenames() + ["publish_pressrelease", "delete_pressrelease", "delete_photo", "delete_person", "delete_topic", "change_legalpage"]


def ensure_staff_groups(group_model=Group, permission_model=Permission):
    """Create or update both groups; safe to run any number of times."""
    for name, codenames in (
        (EDITORS, editor_permission_codenames()),
        (PRESS_OFFICERS, press_officer_permission_codenames()),
    ):
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            permission_model.objects.filter(content_type__app_label__in=_STAFF_APPS, codename__in=codenames)
        )
