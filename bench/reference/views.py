"""One page: a record, its relations and two short lists, five queries in all."""

from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, render
from django.urls import path


def page(request, pk):
    user = get_object_or_404(User, pk=pk)
    return render(request, "reference.html", {
        "user_shown": user,
        "groups": list(user.groups.all()),
        "permissions": list(Permission.objects.select_related("content_type").order_by("pk")[:20]),
        "content_types": list(ContentType.objects.order_by("pk")),
        "recent": list(User.objects.order_by("-date_joined")[:10]),
    })


urlpatterns = [path("page/<int:pk>/", page)]


def populate():
    """Rows for the page to show (run once on a new database)."""
    groups = [Group.objects.create(name=f"Gruppe {number}") for number in range(3)]
    for number in range(30):
        user = User.objects.create(username=f"person{number}", first_name="Vorname", last_name=f"Nachname {number}",
                                   email=f"person{number}@example.org")
        user.groups.set(groups)
