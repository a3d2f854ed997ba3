from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from .two_factor import needs_setup, second_factor_satisfied


class NewsroomAdminSite(AdminSite):
    """The admin, open only to staff who passed the second factor where it is required.

    Staff sign in through django-two-factor-auth's login (password, then a code
    from their app or a backup code); the admin's own login form would skip the
    code, so it only redirects there.
    """

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_satisfied(request.user)

    def login(self, request, extra_context=None):
        redirect_to = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME))
        if not redirect_to or not url_has_allowed_host_and_scheme(redirect_to, allowed_hosts={request.get_host()}):
            redirect_to = resolve_url(settings.LOGIN_REDIRECT_URL)
        user = request.user
        if user.is_active and user.is_staff and needs_setup(user):
            # Signed in with the password, but a second factor is required and missing.
            # No "next": the wizard ends on the page that offers backup codes.
            return redirect("two_factor:setup")
        return redirect_to_login(redirect_to)
