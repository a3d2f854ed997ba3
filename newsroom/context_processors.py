from django.conf import settings


def site(request):
    """What every public page prints: who publishes."""
    return {"publisher": settings.NEWSROOM_PUBLISHER}
