"""The people pages. Thin: queries live in ``queries.py``, access rules in ``seedbed.access``."""
from urllib.parse import urlencode

import markdown
import nh3
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe

from seedbed.access import Audience, page, may_see_self_reported, steward_required, viewer
from seedbed.access.rules import Field, may_see
from seedbed.people import queries
from seedbed.people.models import Person


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to show: ammonia (nh3) removes scripts, handlers and odd URLs."""
    html = markdown.markdown(text, extensions=["sane_lists", "fenced_code"], output_format="html")
    # no <img>: opening a person's page must not load anything from elsewhere (trackers)
    return mark_safe(nh3.clean(html, tags=nh3.ALLOWED_TAGS - {"img"}))


def _wants_fragment(request) -> bool:
    # htmx asks for the results only; a history restore needs the whole page.
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-History-Restore-Request")


@page(Audience.STEWARDS)
def directory(request):
    query = queries.DirectoryQuery.from_params(request.GET)
    people = queries.directory(query, timezone.now())
    page = Paginator(people, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.show_pronouns = bool(person.pronouns) and may_see_self_reported(request.user, person, "pronouns")
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
    notes_by = None if can["notes"] else request.user if can["own_notes"] else False
    page = queries.person_page(person, timezone.now(), notes_by=notes_by, merges=can["emails"])
    for note in page.notes:
        note.html = render_markdown(note.body)
    shown = {
        field: may_see_self_reported(request.user, person, field)
        for field in ("pronouns", "availability")
    }
    context = {"page": page, "person": person, "shown": shown, "can": can, "steward": viewer(request).steward}
    return render(request, "people/person_detail.html", context)
