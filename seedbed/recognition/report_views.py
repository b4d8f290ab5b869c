"""Fairness and knowledge sharers: pages that read. Thin."""
from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from seedbed.access import Audience, page
from seedbed.people.models import Person
from seedbed.recognition import reports
from seedbed.recognition.forms import PeriodForm
from seedbed.recognition.periods import Period

DEFAULT_DAYS = 90


def _period(request) -> tuple[Period, PeriodForm]:
    form = PeriodForm(request.GET if "since" in request.GET else None, initial=PeriodForm.last_days(DEFAULT_DAYS))
    if form.is_bound and form.is_valid():
        return Period(form.cleaned_data["since"], form.cleaned_data["until"]), form
    initial = PeriodForm.last_days(DEFAULT_DAYS)
    return Period(initial["since"], initial["until"]), form


@page(Audience.STEWARDS)
def fairness(request):
    period, form = _period(request)
    result = reports.assess(period)
    # Never thanked: by name, a page at a time; it is a to-do list, not a ranking.
    unthanked = Person.objects.filter(pk__in=result.unthanked).order_by("display_name", "id")
    page_ = Paginator(unthanked, 50).get_page(request.GET.get("page"))
    return render(request, "recognition/fairness.html", {
        "period": period, "form": form, "result": result, "c": result.concentration, "unthanked": page_,
        "query": request.GET.urlencode(),
    })


@page(Audience.STEWARDS)
def sharers(request):
    period, form = _period(request)
    return render(request, "recognition/sharers.html",
                  {"period": period, "form": form, "sharers": reports.knowledge_sharers(period)})
