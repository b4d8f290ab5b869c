"""The digest: confirmed highlights told as a story of great stuff happening. Pure.

Sections, each in the order the work happened (never by person, never with counts per
person): a welcome for first contributions, the work grouped by its kind, shout-outs for
help given and for what members nominated, mentoring, and a round of the teams. Whoever has
not consented to public listing is "a contributor"; the work is still credited.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ANONYMOUS = "a contributor"
WELCOME, MENTORING, SHOUT_OUTS = "first-contribution", "mentee-milestone", ("support", "nomination")


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    kind: str  # highlight kind
    contribution_type: str
    type_label: str
    title: str
    why: str
    occurred_at: dt.datetime
    person: str | None  # the name to print, or None when they have not consented
    group: str = ""
    mentor: str | None = None  # for a mentee's milestone, when the mentor consented
    links: tuple[Link, ...] = ()

    @property
    def who(self) -> str:
        return self.person or ANONYMOUS


@dataclass
class Section:
    slug: str
    heading: str
    intro: str
    entries: list[Entry] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    unnamed: int = 0  # entries left out of the list and only counted (the welcome's unnamed newcomers)


@dataclass
class Story:
    title: str
    since: dt.date
    until: dt.date
    intro: str
    sections: list[Section]

    @property
    def empty(self) -> bool:
        return not any(s.entries or s.subsections for s in self.sections)


def assemble(title: str, since: dt.date, until: dt.date, intro: str, entries: Iterable[Entry],
             type_order: Sequence[str] = ()) -> Story:
    """Sort confirmed highlights into the digest's sections. ``type_order``: contribution
    types in the order their headings appear (others follow, alphabetically)."""
    entries = sorted(entries, key=lambda e: (e.occurred_at, e.id))
    welcome = [e for e in entries if e.kind == WELCOME]
    mentoring = [e for e in entries if e.kind == MENTORING]
    shout_outs = [e for e in entries if e.kind in SHOUT_OUTS]
    work = [e for e in entries if e.kind not in (WELCOME, MENTORING, *SHOUT_OUTS)]
    order = {t: i for i, t in enumerate(type_order)}
    by_type: dict[str, list[Entry]] = {}
    for e in work:
        by_type.setdefault(e.contribution_type, []).append(e)
    kinds = [Section(f"type-{t}", es[0].type_label, "", es)
             for t, es in sorted(by_type.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[1][0].type_label))]
    teams: dict[str, list[Entry]] = {}
    for e in entries:
        if e.group:
            teams.setdefault(e.group, []).append(e)
    # A long list of "a contributor" welcomes nobody: unnamed newcomers are counted instead.
    named = [e for e in welcome if e.person]
    sections = [
        Section("welcome", "Welcome", "First contributions in this period. Say hello if you see them around!", named,
                unnamed=len(welcome) - len(named)),
        Section("work", "The work", "", subsections=kinds),
        Section("shout-outs", "Shout-outs", "People who helped others, and work members nominated.", shout_outs),
        Section("mentoring", "Mentoring", "Milestones reached with a mentor's help: thank you, mentors.", mentoring),
        Section("teams", "Around the teams", "",
                subsections=[Section(f"team-{i}", name, "", es) for i, (name, es) in enumerate(sorted(teams.items()))]),
    ]
    return Story(title, since, until, intro, [s for s in sections if s.entries or s.subsections or s.unnamed])


def markdown(story: Story) -> str:
    """The digest in Markdown: for a blog, a forum post or the plain-text part of an e-mail."""
    out = [f"# {story.title}", "", f"_{story.since:%-d %B %Y} to {story.until:%-d %B %Y}_", ""]
    if story.intro:
        out += [story.intro.strip(), ""]
    if story.empty:
        out += ["No highlights were confirmed for this period.", ""]
    for section in story.sections:
        out += [f"## {section.heading}", ""]
        if section.intro:
            out += [section.intro, ""]
        if section.slug == "teams":
            for team in section.subsections:
                out += [f"**{team.heading}:** " + "; ".join(_escape(e.title) for e in team.entries), ""]
            continue
        out += [_item(e) for e in section.entries]
        if section.unnamed:
            out.append(f"- {'And' if section.entries else 'This period,'} {_people(section.unnamed)} made their "
                       "first contribution.")
        if section.entries or section.unnamed:
            out.append("")
        for sub in section.subsections:
            out += [f"### {sub.heading}", ""] + [_item(e) for e in sub.entries] + [""]
    return "\n".join(out).rstrip() + "\n"


def _people(n: int) -> str:
    return "one more person" if n == 1 else f"{n} more people"


def _item(e: Entry) -> str:
    linked = [link for link in e.links if link.url]
    title = f"[{_escape(e.title)}]({linked[0].url})" if len(linked) == 1 else _escape(e.title)
    line = f"- **{title}**, by {_escape(e.who)}"
    if e.mentor:
        line += f", mentored by {_escape(e.mentor)}"
    line += f". {_escape(e.why)}"
    links = [f"[{_escape(link.title or 'link')}]({link.url})" for link in linked]
    if len(links) > 1:
        line += " " + ", ".join(links)
    return line


def _escape(text: str) -> str:
    """Keep names and titles from turning into Markdown markup."""
    for ch in "\\`*_[]<>#":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())
