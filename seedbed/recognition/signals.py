"""Highlights suggested from quality signals. Pure: plain records in, suggestions out.

Every suggestion names the signal that made it (merged after review, accepted as the
answer, thanked for help, a first contribution, a mentee's milestone, a translation
completed, an event organised, a talk given). None comes from volume or reaction counts:
a person's work of one kind in one month is one suggestion, whatever its size: it points at
all of that work (so none of it is suggested again) and is told by its best piece, so ten
merged pull requests do not make ten highlights.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# Kinds that are contributions for "first contribution"; attending an event or chatting is not.
CONTRIBUTING_KINDS = frozenset({
    "commit", "co-authored", "pull-request", "review", "issue", "comment", "answer", "post", "topic", "message",
    "translation", "talk", "event-organising", "release",
})
# A mentee's first of each of these is a milestone.
MILESTONES = {
    "merged": "first merged pull request",
    "answer": "first accepted answer",
    "review": "first review",
    "talk": "first talk",
    "translation": "first translation",
    "event-organising": "first event organised",
    "mentoring": "first time mentoring someone",
}
GRACE = dt.timedelta(days=30)  # a mentee's milestone still counts this long after the mentorship ends


@dataclass(frozen=True, slots=True)
class Work:
    """One activity, as the suggester sees it."""

    id: int
    person: int
    kind: str
    contribution_type: str
    occurred_at: dt.datetime
    title: str = ""
    channel: str = ""
    parent: int | None = None
    merged: bool | None = None
    accepted: bool | None = None
    size: int = 0
    state: str = ""  # a review's state: APPROVED, CHANGES_REQUESTED, COMMENTED
    completed: bool = False  # a translation change that completed its language
    topic: str = ""  # the title of what it answers, when it has none of its own (a reply, a review)

    @property
    def name(self) -> str:
        """The work in a few words, for a title."""
        if self.title:
            return self.title
        kind = self.kind.replace("-", " ").capitalize()
        if self.topic:
            return f"{kind} on \u201c{self.topic}\u201d"
        return f"{kind} in {self.channel}" if self.channel else kind


@dataclass(frozen=True, slots=True)
class Mentoring:
    mentor: int
    mentee: int
    started_on: dt.date
    ended_on: dt.date | None


@dataclass(frozen=True, slots=True)
class Thanked:
    """Help found in a conversation (seedbed.recognition.gratitude): who thanked which reply."""

    reply: int  # activity id of the helper's reply
    thanker: int  # person id
    excerpt: str
    at: dt.datetime  # when they said thank you: the help is recognised in that period
    topic: str = ""  # the thread's title


@dataclass(slots=True)
class Suggestion:
    kind: str
    person: int
    activities: list[int]  # the first is the main one
    contribution_type: str
    title: str
    why: str  # a first draft of why it mattered, for the steward to edit
    reason: str  # which signal suggested it
    occurred_at: dt.datetime
    mentor: int | None = None

    @property
    def signal_key(self) -> str:
        return f"{self.kind}:{self.activities[0]}"


@dataclass
class Evidence:
    """Everything the suggester reads. ``works`` are the period's activities (and the reviews
    of its pull requests); ``first_of`` maps a person whose first contribution falls in the
    period to that activity; ``milestones`` maps (mentee, milestone) to the mentee's first
    activity of that milestone, whenever it happened."""

    works: Sequence[Work]
    names: Mapping[int, str]
    first_of: Mapping[int, int] = field(default_factory=dict)
    mentorships: Sequence[Mentoring] = ()
    milestones: Mapping[tuple[int, str], int] = field(default_factory=dict)
    thanked: Sequence[Thanked] = ()
    context: Sequence[Work] = ()  # outside the period, pointed at: reviews, helpers' replies
    # (highlight kind, activity id) already backing a highlight, so not suggested again; kind
    # "*" (a nomination) covers the work for every kind: it is one contribution, told once.
    covered: frozenset[tuple[str, int]] = frozenset()

    def free(self, kind: str, activity: int) -> bool:
        return (kind, activity) not in self.covered and ("*", activity) not in self.covered


def milestone(work: Work) -> str | None:
    """Which milestone a piece of work would be, if it were its author's first of the kind."""
    if work.kind == "pull-request" and work.merged:
        return "merged"
    if work.accepted and work.kind in ("answer", "post", "comment", "message", "chat"):
        return "answer"
    return work.kind if work.kind in MILESTONES else None


def suggest(evidence: Evidence) -> list[Suggestion]:
    """The period's suggestions, oldest work first."""
    by_id = {w.id: w for w in (*evidence.context, *evidence.works)}
    reviewers = _reviewers(by_id.values(), by_id)
    free = evidence.free
    out: list[Suggestion] = []
    merged = [w for w in evidence.works if w.kind == "pull-request" and w.merged and reviewers.get(w.id)]
    out += _monthly("merged-after-review", [w for w in merged if free("merged-after-review", w.id)],
                    evidence, reviewers, by_id)
    shaping = [w for w in evidence.works if w.kind == "review" and w.state == "CHANGES_REQUESTED"
               and w.parent in by_id and by_id[w.parent].merged and by_id[w.parent].person != w.person]
    out += _monthly("review", [w for w in shaping if free("review", w.id)], evidence, reviewers, by_id)
    answers = [w for w in evidence.works if w.accepted and w.kind != "pull-request"]
    out += _monthly("accepted-answer", [w for w in answers if free("accepted-answer", w.id)], evidence, reviewers, by_id)
    out += _support(evidence, by_id)
    out += _firsts(evidence, by_id)
    out += _milestones(evidence, by_id)
    for w in evidence.works:
        kind = {"translation": "translation-completed", "event-organising": "event-organised", "talk": "talk"}.get(w.kind)
        if kind is None or not free(kind, w.id):
            continue
        if w.kind == "translation" and w.completed:
            out.append(_one("translation-completed", w, f"{_language(w)} translation of {_component(w)} complete",
                            f"The {_language(w)} translation of {_component(w)} is complete: everyone reading it "
                            "can now use it in their language.", "a translation that completed its language"))
        elif w.kind == "event-organising":
            attended = f", with {w.size} people attending" if w.size else ""
            out.append(_one("event-organised", w, w.title or f"Organised {w.channel}",
                            f"{w.title or 'Organised ' + w.channel}{attended}: events are where people meet the "
                            "community in person.", "an event organised"))
        elif w.kind == "talk":
            where = f" at {w.channel}" if w.channel else ""
            out.append(_one("talk", w, f"Talk: {w.title}" if w.title else f"A talk{where}",
                            f"Gave the talk \u201c{w.title}\u201d{where}, sharing what they know.", "a talk given"))
    return sorted(out, key=lambda s: (s.occurred_at, s.kind, s.activities[0]))


def _reviewers(works: Iterable[Work], by_id: Mapping[int, Work]) -> dict[int, set[int]]:
    """Pull request id -> the people (other than its author) who reviewed it."""
    found: dict[int, set[int]] = defaultdict(set)
    for w in works:
        if w.kind == "review" and w.parent in by_id and by_id[w.parent].person != w.person:
            found[w.parent].add(w.person)
    return found


def _monthly(kind: str, works: list[Work], evidence: Evidence, reviewers: Mapping[int, set[int]],
             by_id: Mapping[int, Work]) -> list[Suggestion]:
    groups: dict[tuple[int, str], list[Work]] = defaultdict(list)
    for w in works:
        groups[(w.person, f"{w.occurred_at:%Y-%m}")].append(w)
    out = []
    for (person, _month), group in groups.items():
        # The pieces most people looked at first, then the newest: never the biggest.
        group.sort(key=lambda w: (-len(reviewers.get(w.id, ())), -w.occurred_at.timestamp(), w.id))
        out.append(_describe(kind, person, group, evidence, reviewers, by_id))
    return out


def _describe(kind: str, person: int, best: list[Work], evidence: Evidence,
              reviewers: Mapping[int, set[int]], by_id: Mapping[int, Work]) -> Suggestion:
    """``best``: the month's pieces, the one to tell it by first."""
    main = best[0]
    # How many there were stays with the steward: a digest tells the work, it does not count it.
    more = f"; {len(best)} such pieces of work by them this month" if len(best) > 1 else ""
    names = evidence.names
    if kind == "merged-after-review":
        who = reviewers.get(main.id, ())
        title = main.title or "A pull request"
        why = f"Reviewed by {_count(len(who), 'person', 'people')} and merged into {main.channel or 'the project'}."
        reason = f"merged after review by {_people(who, names)}"
    elif kind == "review":
        target = by_id[main.parent] if main.parent in by_id else None
        title = f"Review of {target.title if target and target.title else 'a pull request'}"
        why = "Their review asked for changes that were made before the work was merged."
        reason = "a review asking for changes, on a pull request that was then merged"
    else:  # accepted-answer
        asked = main.topic or (by_id[main.parent].title if main.parent in by_id else "") or main.title
        title = f"Answer to {asked or 'a question'}"
        why = f"Their answer to \u201c{asked}\u201d was accepted as the solution." if asked else \
            "Their answer was accepted as the solution."
        reason = "an answer accepted as the solution"
    return Suggestion(kind, person, [w.id for w in best], main.contribution_type, title, why, reason + more,
                      max(w.occurred_at for w in best))


def _support(evidence: Evidence, by_id: Mapping[int, Work]) -> list[Suggestion]:
    groups: dict[tuple[int, str], list[tuple[Work, Thanked]]] = defaultdict(list)
    for t in evidence.thanked:
        reply = by_id.get(t.reply)
        if reply is not None and reply.person != t.thanker and evidence.free("support", reply.id):
            groups[(reply.person, f"{t.at:%Y-%m}")].append((reply, t))
    out = []
    for (person, _month), pairs in groups.items():
        pairs.sort(key=lambda p: (-p[1].at.timestamp(), p[0].id))
        reply, thanks = pairs[0]
        best = list({r.id: r for r, _ in pairs}.values())  # one reply may be thanked by several people
        thankers = {t.thanker for _, t in pairs}
        more = f"; {len(best)} replies thanked this month" if len(best) > 1 else ""
        out.append(Suggestion(
            "support", person, [r.id for r in best], "support",
            f"Help with \u201c{thanks.topic}\u201d" if thanks.topic else f"Help in {reply.channel or 'a conversation'}",
            "Their reply solved someone's problem, and that person came back to say thank you.",
            f"thanked for help by {_people(thankers, evidence.names)}: \u201c{thanks.excerpt}\u201d{more}",
            max(t.at for _, t in pairs)))
    return out


def _firsts(evidence: Evidence, by_id: Mapping[int, Work]) -> list[Suggestion]:
    out = []
    for person, activity in evidence.first_of.items():
        w = by_id.get(activity)
        if w is None or not evidence.free("first-contribution", w.id):
            continue
        what = f"{w.kind.replace('-', ' ')}{' in ' + w.channel if w.channel else ''}"
        article = "an" if what[:1] in "aeiou" else "a"
        out.append(_one("first-contribution", w, w.name, f"Their first contribution: {article} {what}.",
                        "a first contribution (a warm welcome makes a second one likelier)"))
    return out


def _milestones(evidence: Evidence, by_id: Mapping[int, Work]) -> list[Suggestion]:
    spans: dict[int, list[Mentoring]] = defaultdict(list)
    for m in evidence.mentorships:
        spans[m.mentee].append(m)
    out = []
    for (mentee, what), activity in evidence.milestones.items():
        w = by_id.get(activity)
        if w is None or not evidence.free("mentee-milestone", w.id):
            continue
        day = w.occurred_at.date()
        mentoring = next((m for m in spans.get(mentee, ()) if m.started_on <= day
                          and (m.ended_on is None or day <= m.ended_on + GRACE)), None)
        if mentoring is None:
            continue
        mentor = evidence.names.get(mentoring.mentor, "their mentor")
        s = _one("mentee-milestone", w, f"{MILESTONES[what].capitalize()}: {w.name}",
                 f"Their {MILESTONES[what]}, with a mentor at their side since {mentoring.started_on:%B %Y}.",
                 f"a mentee's {MILESTONES[what]} (mentored by {mentor})")
        s.mentor = mentoring.mentor
        out.append(s)
    return out


def _one(kind: str, w: Work, title: str, why: str, reason: str) -> Suggestion:
    return Suggestion(kind, w.person, [w.id], w.contribution_type, title[:300], why, reason, w.occurred_at)


def _people(ids: Iterable[int], names: Mapping[int, str]) -> str:
    listed = sorted(names.get(i, "someone") for i in ids)
    if len(listed) <= 2:
        return " and ".join(listed) or "someone"
    return ", ".join(listed[:2]) + f" and {len(listed) - 2} more"


def _count(n: int, one: str, many: str) -> str:
    return f"one {one}" if n == 1 else f"{n} {many}"


def _language(w: Work) -> str:
    return w.channel.rsplit("/", 1)[-1] if "/" in w.channel else (w.channel or "a")


def _component(w: Work) -> str:
    return w.channel.rsplit("/", 1)[0] if "/" in w.channel else "the project"
