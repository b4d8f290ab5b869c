"""The people pages. Thin: queries live in ``queries.py``, access rules in ``seedbed.access``."""
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from seedbed.access import Audience, may_see_self_reported, page, viewer
from seedbed.accounts.profile import IMPORTANCE, THANKS_KINDS, current_motivation
from seedbed.access.rules import Field, Relation, may_see
from seedbed.core import audit
from seedbed.core.models import AuditAction
from seedbed.people import note_views, queries, relationships
from seedbed.people.models import Motive, Person
from seedbed.people.trends import DESCRIPTIONS, trend
from seedbed.recognition.reports import recognition_of


def _wants_fragment(request) -> bool:
    # htmx asks for the results only; a history restore needs the whole page.
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-History-Restore-Request")


@page(Audience.STEWARDS)
def directory(request):
    query = queries.DirectoryQuery.from_params(request.GET)
    people = queries.directory(query, timezone.now())
    page = Paginator(people, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    contacts = relationships.contact_of([p.pk for p in page.object_list], timezone.now())
    for person in page.object_list:
        person.show_pronouns = bool(person.pronouns) and may_see_self_reported(request, person, "pronouns")
        person.contact = contacts.get(person.pk)
    context = {"query": query, "page": page}
    if _wants_fragment(request):
        response = render(request, "people/_directory_results.html", context)
        # The address bar shows the query without its empty fields: /people/?q=ada, not ?q=ada&region=&...
        params = query.to_params()
        if page.number > 1:
            params["page"] = str(page.number)
        response["HX-Push-Url"] = request.path + (f"?{urlencode(params)}" if params else "")
    else:
        context["choices"] = queries.directory_choices()
        response = render(request, "people/directory.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@page(Audience.PERSON)
def person_detail(request, pk):
    try:
        person, survivor = queries.current_person(pk)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None
    if survivor is not None:
        return redirect("people:detail", pk=survivor.pk)
    can = {f.name.lower(): may_see(request.relations, f, listed=person.consent_public_listing) for f in Field}
    page = queries.person_page(person, timezone.now(), merges=can["emails"])
    log = note_views.log_context(request, person) if can["own_notes"] else None
    if log and (log["notes"] or log["interactions"]):
        audit.record(request.user, AuditAction.VIEWED_NOTES, person)
    shown = {
        field: may_see_self_reported(request, person, field)
        for field in ("pronouns", "availability", "motivation", "thanks_preferences", "breaks")
    }
    wishes = self_reported(person, shown, timezone.localdate())
    me = viewer(request)
    mine = Relation.SELF in request.relations
    recognised = recognition_of(person.pk, with_thanks=me.steward) if can["timeline"] or can["public_timeline"] else None
    context = {"page": page, "person": person, "shown": shown, "can": can, "steward": me.steward, "log": log,
               "mine": mine, "wishes": wishes, "recognised": recognised,
               "can_nominate": me.person_id is not None and not mine}
    return render(request, "people/person_detail.html", context)


def self_reported(person: Person, shown: dict, today) -> dict:
    """What the member told about themselves, only the fields this viewer may see."""
    words, kinds = dict(IMPORTANCE), dict(THANKS_KINDS)
    motives = dict(Motive.choices)
    return {
        "motivation": [(motives.get(m, m), words.get(i, i)) for m, i in sorted(
            current_motivation(person.pk).items(), key=lambda item: -item[1])] if shown["motivation"] else [],
        "thanks": [kinds.get(k, k) for k in person.thanks_preferences] if shown["thanks_preferences"] else [],
        "thanks_note": person.thanks_note if shown["thanks_preferences"] else "",
        "breaks": list(person.breaks.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today)).order_by("starts_on"))
        if shown["breaks"] else [],
    }


@page(Audience.STEWARDS)
def not_contacted(request):
    """Active people, and key people drifting away, whom nobody has contacted lately."""
    try:
        weeks = min(max(int(request.GET.get("weeks", relationships.DEFAULT_WEEKS)), 1), 104)
    except ValueError:
        weeks = relationships.DEFAULT_WEEKS
    people = relationships.not_contacted(timezone.now(), weeks)
    page = Paginator(people, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.trend = trend(person.recent, person.before)
        person.trend_words = DESCRIPTIONS[person.trend]
        person.why = "active lately" if person.recent else "was a regular, drifting away"
    context = {"page": page, "weeks": weeks, "window": relationships.WINDOW_DAYS}
    return render(request, "people/not_contacted.html", context)
