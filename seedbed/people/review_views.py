"""The steward's merge review: the queue of proposals and the merge history.

Thin: every decision goes through ``seedbed.people.merging`` (or ``services.undo_merge``),
which record who decided and keep the merge undoable. Each action is a plain POST form that
works without JavaScript (redirect back, with a message); with htmx the response is just the
changed card or row, swapped in place. An action that cannot be done (already decided, no
longer applies, undo a later merge first) answers 200 with the message in the card, so htmx
swaps it in like any other outcome.
"""
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from seedbed.access import steward_required
from seedbed.people import merging
from seedbed.people.models import MergeProposal, ProposalStatus
from seedbed.people.services import MergeError, undo_merge

PAGE_SIZE = 25

ACTIONS = {
    # action in the URL -> (service function, verb for an error message)
    "accept": (merging.accept_proposal, "merge"),
    "reject": (merging.reject_proposal, "keep apart"),
    "unsure": (merging.mark_unsure, "mark as not sure"),
}


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _queue():
    """Open proposals first, then those marked not sure; strongest first within each."""
    first_open = Case(When(status=ProposalStatus.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
    return merging.pending_proposals().order_by(first_open, "-confidence", "id")


def _card(proposal: MergeProposal) -> dict:
    return {"proposal": proposal, "sides": merging.proposal_sides(proposal)}


@steward_required
def merge_queue(request):
    page = Paginator(_queue(), PAGE_SIZE).get_page(request.GET.get("page"))
    sides = merging.proposal_sides_many(page.object_list)
    cards = [{"proposal": p, "sides": sides[p.pk]} for p in page.object_list]
    return render(request, "people/merges.html", {
        "page": page, "open_cards": [c for c in cards if c["proposal"].status == ProposalStatus.OPEN],
        "unsure_cards": [c for c in cards if c["proposal"].status == ProposalStatus.UNSURE],
    })


@steward_required
@require_POST
def merge_decide(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404("No such action.")
    decide, verb = ACTIONS[action]
    context = {"proposal_id": pk, "action": action}
    try:
        result = decide(pk, actor=request.user)
    except MergeError as error:
        context.update(error=str(error), verb=verb)
        proposal = MergeProposal.objects.select_related("person_a", "person_b").filter(pk=pk).first()
        context["proposal"] = proposal
        if proposal is not None and merging.pending_proposals().filter(pk=pk).exists():
            context.update(_card(proposal))  # still waiting: show it again, with the message
        outcome = f"Could not {verb}: {error}"
        level = messages.ERROR
    else:
        if action == "accept":
            context["merge"] = merging.history().get(pk=result.pk)
            outcome = f"Merged into {result.survivor} — undo in history."
        elif action == "reject":
            proposal = MergeProposal.objects.select_related("person_a", "person_b").get(pk=pk)
            context["proposal"] = proposal
            outcome = f"Kept apart: {proposal.person_a} and {proposal.person_b}."
        else:
            context["proposal"] = result
            outcome = "Marked not sure."
        level = messages.SUCCESS
    if not _is_htmx(request):
        messages.add_message(request, level, outcome)
        return redirect(_back(request, "people:merges"))
    context["update_counts"] = True  # the waiting counts in the navigation and the queue, out of band
    return render(request, "people/_proposal_card.html", context)


@steward_required
def merge_history(request):
    page = Paginator(merging.history(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "people/merge_history.html", {"page": page})


@steward_required
@require_POST
def merge_undo(request, pk: int):
    record = merging.history().filter(pk=pk).first()
    if record is None:
        raise Http404("No such merge.")
    context = {}
    try:
        undo_merge(record, actor=request.user)
    except MergeError as error:
        context["error"] = str(error)
        outcome, level = f"Could not undo: {error}", messages.ERROR
    else:
        context["just_undone"] = True
        outcome = f"Undone: {record.absorbed} and {record.survivor} are two people again, and will be kept apart."
        level = messages.SUCCESS
    if not _is_htmx(request):
        messages.add_message(request, level, outcome)
        return redirect(_back(request, "people:merge_history"))
    context["r"] = merging.history().get(pk=pk)
    return render(request, "people/_merge_row.html", context)


def _back(request, name: str) -> str:
    """Back to where the form was (a local ``next``), or to the page of the list it was on (a
    ``page`` field), else to that list's first page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and target.startswith("/"):
        return target
    url = reverse(name)
    page = request.POST.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url
