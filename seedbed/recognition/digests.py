"""Use cases for digests: assemble a period's confirmed highlights into a story, render it as
Markdown, HTML or an e-mail, keep drafts, and publish what an editor approved."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.recognition import digest as stories
from seedbed.people.queries import safe_link
from seedbed.recognition.models import Digest, DigestStatus, Highlight, HighlightStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.reports import confirmed_in
from seedbed.recognition.services import RecognitionError

LINKS = 3  # activities linked per highlight, at most


def default_title(period: Period) -> str:
    if period.since.day == 1 and (period.since.year, period.since.month) == (period.until.year, period.until.month) \
            and period.days >= 28:
        return f"Great stuff happening: {period.since:%B %Y}"
    return f"Great stuff happening: {period.since:%-d %b} to {period.until:%-d %b %Y}"


def entries(highlights: Iterable[Highlight]) -> list[stories.Entry]:
    """Digest entries, naming only people (and mentors) who consented to public listing."""
    rows = (Highlight.objects.filter(pk__in=[h.pk for h in highlights], status=HighlightStatus.CONFIRMED)
            .select_related("person", "mentor", "group").prefetch_related("activities"))
    out = []
    for h in rows:
        named = h.person.consent_public_listing
        # A link to the work shows its author's handle (or a mail archive their address): only
        # for people who agreed to be named. Only web links, never javascript: and the like.
        links = tuple(stories.Link(a.title or a.get_kind_display(), safe_link(a.url))
                      for a in sorted(h.activities.all(), key=lambda a: (a.occurred_at, a.pk))[:LINKS]
                      if named and safe_link(a.url))
        out.append(stories.Entry(
            id=h.pk, kind=h.kind, contribution_type=h.contribution_type,
            type_label=CONTRIBUTION_TYPES.get(h.contribution_type, h.contribution_type), title=h.title, why=h.why,
            occurred_at=h.occurred_at, person=h.person.display_name if named else None,
            group=h.group.name if h.group else "",
            mentor=h.mentor.display_name if h.mentor and h.mentor.consent_public_listing else None, links=links,
        ))
    return out


def story(period: Period, *, title: str = "", intro: str = "", highlights: Sequence[Highlight] | None = None
          ) -> stories.Story:
    chosen = list(confirmed_in(period)) if highlights is None else highlights
    return stories.assemble(title or default_title(period), period.since, period.until, intro, entries(chosen),
                            type_order=list(CONTRIBUTION_TYPES))


def story_of(digest: Digest) -> stories.Story:
    return story(Period(digest.since, digest.until), title=digest.title, intro=digest.intro,
                 highlights=list(digest.highlights.all()))


def render_markdown(s: stories.Story) -> str:
    return stories.markdown(s)


def render_html(s: stories.Story, *, standalone: bool = True) -> str:
    """HTML: a whole page (for the command line and e-mail) or the fragment a page includes."""
    return render_to_string("recognition/digest_document.html" if standalone else "recognition/_story.html",
                            {"story": s})


def email(s: stories.Story, to: Sequence[str]) -> EmailMultiAlternatives:
    """The digest as an e-mail: the Markdown as its text part, the HTML as its alternative."""
    message = EmailMultiAlternatives(subject=s.title, body=render_markdown(s),
                                     from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None), to=list(to))
    message.attach_alternative(render_html(s), "text/html")
    return message


@transaction.atomic
def create_draft(period: Period, *, by=None, title: str = "", intro: str = "") -> Digest:
    digest = Digest.objects.create(since=period.since, until=period.until, title=title or default_title(period),
                                   intro=intro, created_by=by if getattr(by, "is_authenticated", False) else None)
    digest.highlights.set(confirmed_in(period))
    return digest


@transaction.atomic
def update_draft(digest: Digest, *, title: str, intro: str, removed: Iterable[int] = (), refresh: bool = False) -> Digest:
    digest = Digest.objects.select_for_update().get(pk=digest.pk)
    if digest.status != DigestStatus.DRAFT:
        raise RecognitionError("a published digest cannot be changed")
    if not title.strip():
        raise RecognitionError("a digest needs a title")
    digest.title, digest.intro = title.strip()[:200], intro.strip()
    digest.save(update_fields=["title", "intro"])
    if refresh:
        digest.highlights.set(confirmed_in(Period(digest.since, digest.until)))
    removed = list(removed)
    if removed:
        digest.highlights.remove(*digest.highlights.filter(pk__in=removed))
    return digest


@transaction.atomic
def publish(digest: Digest, *, by) -> Digest:
    """The editor's approval: from now on the public page shows it."""
    digest = Digest.objects.select_for_update().get(pk=digest.pk)
    if digest.status == DigestStatus.PUBLISHED:
        return digest
    if not digest.highlights.filter(status=HighlightStatus.CONFIRMED).exists():
        raise RecognitionError("this digest has no confirmed highlights: confirm some, then refresh it")
    digest.status = DigestStatus.PUBLISHED
    digest.approved_by = by if getattr(by, "is_authenticated", False) else None
    digest.published_at = timezone.now()
    digest.save(update_fields=["status", "approved_by", "published_at"])
    return digest
