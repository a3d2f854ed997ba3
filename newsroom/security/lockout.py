from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: a German page, HTTP 429.

    It names neither the user nor whether the account exists.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "security/lockout.html", {"cooloff_minutes": minutes}, status=429)
