"""The thanks ledger pages: what was given, the budgets, and thanking someone for a highlight. Thin."""
from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from seedbed.access import Audience, page
from seedbed.recognition import ledger
from seedbed.recognition.forms import BudgetForm, ThanksForm
from seedbed.recognition.models import Budget, Highlight, HighlightStatus, Thanks
from seedbed.recognition.services import RecognitionError

LONG_AGO = dt.timedelta(days=365)


@page(Audience.STEWARDS)
def ledger_page(request):
    budget_form = BudgetForm(request.POST or None)
    if request.method == "POST" and budget_form.is_valid():
        data = budget_form.cleaned_data
        try:
            ledger.set_budget(data["fund"], data["starts_on"], data["ends_on"], data["amount"], data["currency"])
        except RecognitionError as exc:
            budget_form.add_error(None, str(exc))
        else:
            messages.success(request, f"Budget for {data['fund']} saved.")
            return redirect("recognition:ledger")
    rows = Thanks.objects.select_related("person", "fund", "thanked_by").prefetch_related("highlights")
    page_ = Paginator(rows.order_by("-given_on", "-id"), 30).get_page(request.GET.get("page"))
    today = timezone.localdate()
    long_ago = (Thanks.objects.values("person_id", "person__display_name").annotate(last=Max("given_on"))
                .filter(last__lt=today - LONG_AGO).order_by("last", "person__display_name")[:50])
    return render(request, "recognition/ledger.html", {
        "page": page_, "budgets": ledger.spending(Budget.objects.select_related("fund")[:20]),
        "budget_form": budget_form, "long_ago": long_ago, "today": today,
    })


@page(Audience.STEWARDS)
def thank(request, pk: int):
    """Thank the person a confirmed highlight credits: ideas that fit them, then the ledger entry."""
    highlight = get_object_or_404(Highlight.objects.select_related("person"), pk=pk)
    person = highlight.person
    running = ledger.current_spending()
    remaining = ledger.remaining_budget(rows=running)
    form = ThanksForm(request.POST or None, initial={
        "kind": request.GET.get("kind", "personal-message"), "cost": request.GET.get("cost", 0),
        # a paid idea comes with its typical cost, and the fund when only one has a budget running
        "fund": running[0].budget.fund_id if len(running) == 1 and request.GET.get("cost") else None,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ledger.record_thanks(person, data["kind"], highlights=[highlight], given_on=data["given_on"],
                                 cost=data["cost"], fund=data["fund"], thanked_by=request.user,
                                 arrived=data["arrived"], note=data["note"])
        except RecognitionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Thank-you for {person.display_name} recorded in the ledger.")
            return redirect("recognition:ledger")
    return render(request, "recognition/thank.html", {
        "highlight": highlight, "person": person, "form": form, "ideas": ledger.suggest_thanks(person, remaining=remaining),
        "remaining": remaining, "confirmed": highlight.status == HighlightStatus.CONFIRMED,
        "earlier": Thanks.objects.filter(person=person).order_by("-given_on")[:5],
    })


@page(Audience.STEWARDS)
@require_POST
def thanks_arrived(request, pk: int):
    thanks = get_object_or_404(Thanks, pk=pk)
    value = request.POST.get("arrived")
    ledger.mark_arrived(thanks, {"true": True, "false": False}.get(value))
    messages.success(request, "Noted.")
    return redirect("recognition:ledger")
