"""Public channels beside the press list: topics, archive, people, search, robots.txt.

Every list starts from ``PressRelease.objects.published(now)``; ``now`` is taken
once per request so one page never mixes two moments.
"""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Person, PhotoPerson, PressRelease, Quote, ReleasePhoto, Topic
from .keyset import keyset_page
from .pagination import remembered
from .search import MAX_QUERY_LENGTH, MAX_RESULTS, normalize_query, search_releases, snippet

PER_PAGE = 10


def topic_list(request):
    public = PressRelease.objects.published(now=timezone.now())
    topics = Topic.objects.annotate(release_count=Count("press_releases", filter=Q(press_releases__in=public)))
    return render(request, "newsroom/topic_list.html", {"topics": topics})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    releases = PressRelease.objects.published(now=timezone.now()).in_topic(topic).for_list()
    return render(request, "newsroom/topic_detail.html", {"topic": topic, "page": keyset_page(releases, request.GET)})


def year_counts(now):
    """[{"year": …, "count": …}], newest year first: counting reads every public
    release, so the answer is kept like the list counts (``pagination.remembered``)."""
    return remembered("years", lambda: list(
        PressRelease.objects.published(now=now)
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    ))


def archive_index(request):
    return render(request, "newsroom/archive_index.html", {"years": year_counts(timezone.now())})


def archive_year(request, year, month=None):
    """A year (with its months and their counts) or one month of it."""
    year, month = int(year), int(month) if month else None
    if year < 1:
        raise Http404(_("No press releases in this period."))
    in_year = PressRelease.objects.published(now=timezone.now()).filter(published_at__year=year)
    months = [
        {"month": datetime.date(year, row["month"], 1), "count": row["count"]}
        for row in in_year.annotate(month=ExtractMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    ]
    releases = in_year if month is None else in_year.filter(published_at__month=month)
    page = keyset_page(releases.for_list(), request.GET)
    if not page.items and not request.GET:
        raise Http404(_("No press releases in this period."))
    return render(
        request,
        "newsroom/archive_period.html",
        {
            "year": year,
            "month": datetime.date(year, month, 1) if month else None,
            "months": months,
            "year_total": sum(row["count"] for row in months),
            "page": page,
        },
    )


def appearances(person):
    """Every way a person appears in a release: quoted, pictured, named, as press contact."""
    return (
        Q(pk__in=Quote.objects.filter(person=person).values("release_id"))
        | Q(hero_photo__in=PhotoPerson.objects.filter(person=person).values("photo_id"))
        | Q(pk__in=ReleasePhoto.objects.filter(photo__shown__person=person).values("release_id"))
        | Q(pk__in=PressRelease.named_people.through.objects.filter(person=person).values("pressrelease_id"))
        | Q(press_contact=person)
    )


def person_detail(request, slug):
    """Public figures only, and only once a public release shows them: a page must not
    reveal a person before the release about them is out, nor ever a private person."""
    person = get_object_or_404(Person, slug=slug, is_public_figure=True)
    public = PressRelease.objects.published(now=timezone.now())
    releases = public.filter(appearances(person)).for_list()
    page = keyset_page(releases, request.GET)
    if not page.items:
        raise Http404(_("This person appears in no published press release."))
    quotes = (
        Quote.objects.filter(person=person, release__in=public)
        .select_related("release")
        .order_by("-release__published_at", "section__position", "position")[:PER_PAGE]
    )
    return render(request, "newsroom/person_detail.html", {"person": person, "page": page, "quotes": quotes})


class SearchQueryField(forms.CharField):
    """Never rejects a query: control characters go, the length is cut (not refused)."""

    def to_python(self, value):
        return normalize_query(value)


class SearchForm(forms.Form):
    q = SearchQueryField(label=_("Search term"), required=False, widget=forms.TextInput(
        attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}))
    thema = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", required=False,
        empty_label=_("All topics"),
    )
    jahr = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jahr"].choices = [("", _("All years")), *((year, year) for year in years)]


def search(request):
    now = timezone.now()
    years = [row["year"] for row in year_counts(now)]
    form = SearchForm(request.GET or None, years=years)
    query, results = "", None
    if form.is_bound:
        form.is_valid()  # Invalid filters are dropped (and explained), the search still runs.
        query = form.cleaned_data.get("q", "")
        found = search_releases(
            query, now=now, topic=form.cleaned_data.get("thema"), year=form.cleaned_data.get("jahr")
        )
        results = Paginator(found, PER_PAGE).get_page(request.GET.get("seite"))
        for release in results:
            release.snippet = snippet(release, query)
    return render(request, "newsroom/search.html", {
        "form": form, "query": query, "results": results, "max_results": MAX_RESULTS,
    })


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('newsroom:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
