"""Adding a private note or an interaction from a person's page: one short form each.

With htmx the section is swapped in place; without JavaScript the form posts and the page
comes back at that section. Who may write: whoever may read their own notes about the person
(stewards, the person's organisers and mentor), as ``seedbed.access.rules`` says.
"""
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from seedbed.access import Audience, page
from seedbed.access.rules import Field, may_see
from seedbed.people import notes
from seedbed.people.models import InteractionChannel, Person
from seedbed.people.rendering import render_markdown


class NoteForm(forms.Form):
    body = forms.CharField(label="Note (Markdown)", widget=forms.Textarea(attrs={"rows": 3}), max_length=notes.MAX_NOTE)


class InteractionForm(forms.Form):
    channel = forms.ChoiceField(choices=InteractionChannel.choices, initial=InteractionChannel.CHAT)
    occurred_on = forms.DateField(label="When", widget=forms.DateInput(attrs={"type": "date"}),
                                  initial=timezone.localdate)
    topic = forms.CharField(label="About", max_length=300)


def log_context(request, person: Person, **forms_) -> dict:
    """What the notes and interactions sections need, for the page and for htmx swaps."""
    everything = may_see(request.relations, Field.NOTES)
    found_notes, interactions = notes.private_log(person, None if everything else request.user)
    for note in found_notes:
        note.html = render_markdown(note.body)
    return {
        "person": person, "notes": found_notes, "interactions": interactions, "all_notes": everything,
        "may_write": may_see(request.relations, Field.OWN_NOTES),
        "note_form": forms_.get("note_form") or NoteForm(), "interaction_form": forms_.get("interaction_form") or InteractionForm(),
    }


def _writable(request, pk) -> Person:
    person = get_object_or_404(Person.objects.current(), pk=pk)
    if not may_see(request.relations, Field.OWN_NOTES):
        raise PermissionDenied("Only stewards, organisers and mentors keep notes about a person.")
    return person


def _answer(request, person, template: str, anchor: str, **forms_):
    if request.headers.get("HX-Request") == "true":
        return render(request, template, log_context(request, person, **forms_))
    for form in forms_.values():
        if form is not None and form.errors:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(reverse("people:detail", args=[person.pk]) + f"#{anchor}")


@page(Audience.PERSON)
@require_POST
def note_add(request, pk):
    person = _writable(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            notes.add_note(person, request.user, form.cleaned_data["body"])
            form = None
        except ValidationError as error:
            form.add_error("body", error)
    return _answer(request, person, "people/_notes.html", "notes", note_form=form)


@page(Audience.PERSON)
@require_POST
def interaction_add(request, pk):
    person = _writable(request, pk)
    form = InteractionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        when = timezone.make_aware(timezone.datetime.combine(data["occurred_on"], timezone.datetime.min.time()))
        if data["occurred_on"] == timezone.localdate():
            when = timezone.now()
        try:
            notes.add_interaction(person, request.user, channel=data["channel"], topic=data["topic"], occurred_at=when)
            form = None
        except ValidationError as error:
            form.add_error(None, error)
    return _answer(request, person, "people/_interactions.html", "interactions", interaction_form=form)

