from csp.decorators import csp
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class NewsroomCSPMiddleware(CSPMiddleware):
    """django-csp with a second, looser policy for the admin.

    Public pages get ``CONTENT_SECURITY_POLICY`` (strict: no inline code).
    Below ``NEWSROOM_ADMIN_PATH_PREFIX`` the policy is ``NEWSROOM_ADMIN_CSP``,
    because CKEditor 4 needs inline handlers and styles. Extending
    ``get_policy_parts`` is django-csp 4's documented hook for this; a
    decorator on a view still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.NEWSROOM_ADMIN_PATH_PREFIX)
        ):
            parts = PolicyParts(settings.NEWSROOM_ADMIN_CSP, parts.update, parts.replace, parts.nonce)
        return parts


def public_policy(view):
    """Give a page below /admin/ that shows public markup (a staff preview) the strict policy.

    A preview renders text that is not public yet to signed-in staff: the worst
    place for injected script to run, so it must not inherit the admin's
    'unsafe-inline'. django-csp's ``@csp`` decorator sets the policy per view.
    """
    return csp(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])(view)
