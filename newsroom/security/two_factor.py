"""Who must sign in with a second factor, decided in one place.

Everyone who may publish (press officers) and superusers need one; editors when
``NEWSROOM_2FA_FOR_EDITORS`` is on. Demo mode enforces nothing, so the demo
accounts stay usable with their printed passwords.
"""

from django.conf import settings
from django_otp import user_has_device

from ..publishing import PUBLISH_PERMISSION


def requires_second_factor(user):
    if settings.DEMO_MODE or not user.is_authenticated:
        return False
    if settings.NEWSROOM_2FA_FOR_EDITORS:
        return True
    return user.is_superuser or user.has_perm(PUBLISH_PERMISSION)


def second_factor_satisfied(user):
    """True when ``user`` signed in with a second factor, or needs none."""
    return user.is_verified() or not requires_second_factor(user)


def needs_setup(user):
    """True when ``user`` must use a second factor but has not set one up yet."""
    return requires_second_factor(user) and not user_has_device(user)
