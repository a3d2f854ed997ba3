def client_ip(request):
    """The visitor's address for the login lock-out.

    Behind our own web server (``NEWSROOM_BEHIND_PROXY``) REMOTE_ADDR is the
    proxy; the last X-Forwarded-For entry is the one that proxy appended, so a
    client cannot forge it. Otherwise X-Forwarded-For is ignored.
    """
    from django.conf import settings

    if settings.NEWSROOM_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")
