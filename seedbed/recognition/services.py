"""Use cases for highlights: a steward confirms, edits or dismisses a suggestion; a member
nominates a contribution. Each is one function in one transaction."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.core.errors import SeedbedError
from seedbed.people.models import PersonKind
from seedbed.recognition.models import Highlight, HighlightStatus, Nomination

MAX_SENTENCE = 1000


class RecognitionError(SeedbedError):
    pass


def who(actor, label: str) -> tuple[object | None, str]:
    """(user, label) for a row that records who acted: a logged-in user, or else the label
    ("command line (USER)"; "system" when there is none)."""
    if getattr(actor, "is_authenticated", False):
        return actor, ""
    return None, label or "system"


def decision(status: str, actor, actor_label: str) -> dict:
    """The fields a decision on a highlight sets."""
    user, label = who(actor, actor_label)
    return {"status": status, "decided_at": timezone.now(), "decided_by": user, "decided_label": label}


def _decided(highlight: Highlight, status: str, actor, actor_label: str) -> None:
    for field, value in decision(status, actor, actor_label).items():
        setattr(highlight, field, value)


@transaction.atomic
def confirm_highlight(highlight: Highlight, *, actor=None, actor_label: str = "", title: str | None = None,
                      why: str | None = None, contribution_type: str | None = None) -> Highlight:
    """Confirm, with the steward's edits. A highlight must say why the work mattered."""
    highlight = Highlight.objects.select_for_update().get(pk=highlight.pk)
    _edit(highlight, title, why, contribution_type)
    _decided(highlight, HighlightStatus.CONFIRMED, actor, actor_label)
    highlight.save()
    return highlight


def _edit(highlight: Highlight, title: str | None, why: str | None, contribution_type: str | None) -> None:
    if title is not None:
        if not title.strip():
            raise RecognitionError("a highlight needs a title: the work, in a few words")
        highlight.title = title.strip()[:300]
    if why is not None:
        if not why.strip():
            raise RecognitionError("a highlight must say why the work mattered")
        highlight.why = why.strip()
    if contribution_type is not None:
        if contribution_type not in CONTRIBUTION_TYPES:
            raise RecognitionError(f"{contribution_type!r} is not a contribution type")
        highlight.contribution_type = contribution_type


@transaction.atomic
def dismiss_highlight(highlight: Highlight, *, actor=None, actor_label: str = "") -> Highlight:
    """Dismissed suggestions stay (so they are never suggested again) but are never shown as recognition."""
    highlight = Highlight.objects.select_for_update().get(pk=highlight.pk)
    _decided(highlight, HighlightStatus.DISMISSED, actor, actor_label)
    highlight.save()
    return highlight


@transaction.atomic
def reopen_highlight(highlight: Highlight) -> Highlight:
    """Undo a decision: back to waiting for a steward."""
    highlight = Highlight.objects.select_for_update().get(pk=highlight.pk)
    highlight.status = HighlightStatus.SUGGESTED
    highlight.decided_at, highlight.decided_by, highlight.decided_label = None, None, ""
    highlight.save()
    return highlight


@transaction.atomic
def nominate(activity: Activity, user, sentence: str) -> Highlight:
    """A member points at a contribution and says why it matters. Nominating the same work
    again adds their sentence to the highlight that already holds it."""
    sentence = " ".join(sentence.split())
    if not sentence:
        raise RecognitionError("say in a sentence why this contribution deserves a highlight")
    if len(sentence) > MAX_SENTENCE:
        raise RecognitionError(f"keep it to a sentence or two (at most {MAX_SENTENCE} characters)")
    person = activity.identity.person
    if activity.identity.is_bot or person.kind in (PersonKind.BOT, PersonKind.ERASED):
        raise RecognitionError("this contribution cannot be nominated")
    if getattr(user, "person", None) is not None and user.person.pk == person.pk:
        raise RecognitionError("you cannot nominate your own contribution; ask someone who saw it")
    highlight = (Highlight.objects.select_for_update().filter(activities=activity)
                 .exclude(status=HighlightStatus.DISMISSED).order_by("id").first())
    if highlight is None:
        highlight = Highlight.objects.create(
            kind="nomination", person=person, contribution_type=activity.contribution_type,
            title=(activity.title or f"{activity.get_kind_display()} in {activity.channel or activity.platform}")[:300],
            why=sentence, occurred_at=activity.occurred_at,
        )
        highlight.activities.add(activity)
    Nomination.objects.update_or_create(highlight=highlight, by=user, defaults={"sentence": sentence})
    return highlight
