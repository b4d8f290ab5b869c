"""Who is in the demo community: names, places, profiles and how long each person stays.

Pure. Time inside the generator is whole seconds since the start of the three-year window;
the anchor (midnight UTC of ``today``) is WINDOW seconds, and nothing happens at or after it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from seedbed.demo.names import Culture, FullName, ascii_fold, cultures, email_local, handle
from seedbed.demo.personas import BY_LIFECYCLE, INTERESTS, PERSONAS, SKILLS
from seedbed.demo.records import PersonRecord

DAY = 86400
DAYS = 3 * 365
WINDOW = DAYS * DAY

# Share of people by how their time in the community goes (kept exact, not sampled).
LIFECYCLES = {"core": 0.02, "regular": 0.13, "drifted": 0.08, "newcomer": 0.15, "occasional": 0.30, "driveby": 0.32}
WORK_DOMAINS = ["northwind.example", "acme-cloud.example", "greenleaf-labs.example", "uni-leipzig.example",
                "unam.example", "kew-digital.example", "terra-data.example"]
GLOBAL_DOMAINS = ["mailbox.example", "fastmail.example", "proton.example"]
PLACEHOLDER_EMAILS = ["root@localhost", "user@example.com", "you@example.com", "none@none",
                      "nobody@localhost.localdomain", "{h}@{h}-laptop.local"]
CODE_PERSONAS = {"developer", "maintainer", "operator", "writer", "plugin-author", "researcher", "designer"}


@dataclass(slots=True, eq=False)
class Member:
    """A human as the generator sees them: one PersonRecord plus how they behave."""

    index: int
    culture: Culture
    name: FullName
    display: str
    offset: float  # hours from UTC, for plausible local hours
    lifecycle: str
    persona: str
    second: str | None
    start: int
    end: int
    budget: int
    handle: str
    email: str
    git_email: str
    service_id: int  # a stable number for user ids on forge, forum and chat
    language: str  # first language tag
    git_alias: str = ""  # another spelling of their name, same e-mail: the same Person
    duplicate: int | None = None  # a separate Person row that is this human too
    duplicate_how: str = ""
    duplicate_name: str = ""
    duplicate_email: str = ""
    duplicate_window: tuple[int, int] = (0, 0)
    action_weights: dict[str, float] = field(default_factory=dict)
    type_weights: dict[str, float] = field(default_factory=dict)


def _exact_quota(rng: random.Random, n: int) -> list[str]:
    names = list(LIFECYCLES)
    counts = [int(n * LIFECYCLES[k]) for k in names]
    counts[names.index("driveby")] += n - sum(counts)
    out = [k for k, c in zip(names, counts) for _ in range(c)]
    rng.shuffle(out)
    return out


def _span(rng: random.Random, lifecycle: str) -> tuple[float, float]:
    """(start, end) as days before the anchor: the community grows, so more people start recently."""
    if lifecycle == "core":
        return rng.uniform(900, DAYS), rng.uniform(0, 3)
    if lifecycle == "regular":
        return 150 + (DAYS - 150) * rng.random() ** 1.2, rng.uniform(0, 12)
    if lifecycle == "drifted":
        start = rng.uniform(420, DAYS)
        return start, rng.uniform(120, min(start - 200, 480))
    if lifecycle == "newcomer":
        start = rng.uniform(1, 88)
        return start, rng.uniform(0, min(start, 8))
    start = 90 + (DAYS - 90) * rng.random() ** 1.4 if lifecycle == "occasional" else DAYS * rng.random() ** 1.4
    length = rng.uniform(30, 420) if lifecycle == "occasional" else rng.uniform(0, 4)
    return start, max(0.0, start - length)


def _budget(rng: random.Random, lifecycle: str) -> float:
    """Actions a person takes: heavy-tailed, so a few people do a great deal."""
    if lifecycle == "core":
        return min(2600, 70 + rng.paretovariate(1.3) * 110)
    if lifecycle in ("regular", "drifted"):
        return min(900, 12 + rng.paretovariate(1.5) * 26)
    if lifecycle == "occasional":
        return min(160, 2 + rng.paretovariate(1.6) * 5)
    if lifecycle == "newcomer":
        return min(40, 1 + rng.paretovariate(1.8) * 1.5)
    return 1 + (rng.random() < 0.3) + (rng.random() < 0.1)


def _mix(rng: random.Random, persona: str, second: str | None, part: str) -> dict[str, float]:
    out = dict(PERSONAS[persona][part])
    if second:
        for key, weight in PERSONAS[second][part].items():
            out[key] = out.get(key, 0) + 0.35 * weight
    return out


class _Unique:
    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, value: str, rng: random.Random) -> str:
        candidate = value
        while candidate in self.taken:
            candidate = f"{value}{rng.randint(2, 999)}"
        self.taken.add(candidate)
        return candidate


HOMONYMS = 0.01  # share of people who happen to have the same full name as someone else here


def _fresh_name(rng: random.Random, origin: Culture, gender: str, used: set[tuple[str, str]]) -> FullName:
    """A name nobody here has yet, mostly: in a real community of a few thousand people only
    a few share a full name, and identity resolution has to tell those apart too."""
    for _ in range(30):
        given, family = rng.choice(origin.given[gender]), rng.choice(origin.family)
        if (given, family) not in used or rng.random() < HOMONYMS:
            break
    used.add((given, family))
    return FullName(given, family, origin.family_first)


def make_people(rng: random.Random, n: int, target_actions: int) -> tuple[list[PersonRecord], list[Member]]:
    all_cultures = cultures()
    weights = [c.weight for c in all_cultures]
    handles, locals_ = _Unique(), _Unique()
    used_names: set[tuple[str, str]] = set()
    people: list[PersonRecord] = []
    members: list[Member] = []
    service_id = 1000
    for lifecycle in _exact_quota(rng, n):
        origin = rng.choices(all_cultures, weights)[0]
        home = origin if rng.random() > 0.08 else rng.choices(all_cultures, weights)[0]  # some moved abroad
        gender = rng.choices("fmn", (0.47, 0.47, 0.06))[0]
        name = _fresh_name(rng, origin, gender, used_names)
        swapped = origin.family_first and rng.random() < 0.5
        display = name.latin(swapped)
        zone, offset = rng.choice(home.zones)
        persona = rng.choices(list(BY_LIFECYCLE[lifecycle]), list(BY_LIFECYCLE[lifecycle].values()))[0]
        second = None
        if lifecycle != "driveby" and rng.random() < 0.35:
            second = rng.choice([p for p in PERSONAS if p != persona])
        start_age, end_age = _span(rng, lifecycle)
        user = handles(handle(rng, name), rng)
        domain = rng.choices([rng.choice(origin.domains), rng.choice(GLOBAL_DOMAINS), rng.choice(WORK_DOMAINS)], (60, 25, 15))[0]
        email = f"{locals_(email_local(rng, name), rng)}@{domain}"
        service_id += rng.randint(1, 40)
        git_email = f"{service_id}+{user}@users.noreply.github.com" if rng.random() < 0.18 else email
        language = origin.languages[0] if origin.code not in ("en-us", "anz") else "en"
        member = Member(
            index=len(people), culture=origin, name=name, display=display, offset=offset, lifecycle=lifecycle,
            persona=persona, second=second, start=int((DAYS - start_age) * DAY), end=int((DAYS - end_age) * DAY),
            budget=0, handle=user, email=email, git_email=git_email, service_id=service_id, language=language,
        )
        member.budget = _budget(rng, lifecycle)
        member.action_weights = _mix(rng, persona, second, "actions")
        member.type_weights = _mix(rng, persona, second, "types")
        people.append(_profile(rng, member, zone, home))
        members.append(member)
    _scale_budgets(members, target_actions)
    _aliases(rng, members, locals_)
    return people, members


def _scale_budgets(members: list[Member], target: int) -> None:
    fixed = sum(m.budget for m in members if m.lifecycle == "driveby")
    scalable = sum(m.budget for m in members if m.lifecycle != "driveby")
    factor = max(0.1, (target - fixed) / scalable) if scalable else 1.0
    for m in members:
        m.budget = max(1, round(m.budget if m.lifecycle == "driveby" else m.budget * factor))


_PROFILED = {"core": 0.9, "regular": 0.7, "drifted": 0.5, "occasional": 0.35, "newcomer": 0.3, "driveby": 0.1}
_LISTED = {"core": 0.7, "regular": 0.5, "drifted": 0.35, "occasional": 0.25, "newcomer": 0.2, "driveby": 0.05}
# What members say they like (codes of seedbed.recognition.kinds); kept as a list so that
# the demo stays the same when the ledger gains a kind.
THANKS_KINDS = ["personal-message", "public-highlight", "introduction", "invitation-to-speak", "dinner", "swag",
                "travel", "letter-of-recommendation"]
THANKS_NOTES = ["A private message means more to me than a public shout-out.",
                "Please no swag, I have enough T-shirts!", "I'd love to give a talk at a meetup one day.",
                "A letter to my manager about my work here would help me a lot.",
                "Please don't name me in the newsletter."]
AVAILABILITY = ["A few hours a week", "Weekends", "Evenings", "During semester breaks", "Most weekdays (paid to work on it)",
                "Not much until the end of the year"]
BIOS = {"user": "Field botanist; I use Marigold for {what}.", "developer": "Software developer, mostly {what}.",
        "translator": "I translate Marigold into {what}.", "organiser": "I run the local Marigold meetups.",
        "writer": "I write the docs people actually read.", "maintainer": "Maintainer since the early days."}


def _profile(rng: random.Random, m: Member, zone: str, home: Culture) -> PersonRecord:
    """What the person told the community about themselves; most people tell little."""
    person = PersonRecord(display_name=m.display, culture=m.culture.code, lifecycle=m.lifecycle, persona=m.persona)
    if rng.random() < 0.85:
        person.time_zone, person.region = zone, home.region
        person.languages = [m.culture.languages[0], "en"] if m.language != "en" else ["en"]
    if rng.random() < _PROFILED[m.lifecycle]:
        usual = {"f": ("she/her", "she/they"), "m": ("he/him", "he/they"), "n": ("they/them", "they/them")}
        gender = next(g for g in "fmn" if m.name.given in m.culture.given[g])
        if rng.random() < 0.7:
            person.pronouns = rng.choices([*usual[gender], "they/them"], (85, 8, 7))[0]
        pool = INTERESTS[m.persona] + (INTERESTS[m.second] if m.second else [])
        person.interests = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
        skills = SKILLS[m.persona] + (SKILLS[m.second] if m.second else [])
        person.skills = list(dict.fromkeys(rng.sample(skills, min(len(skills), rng.randint(1, 4)))))
        if rng.random() < 0.4:
            person.bio = BIOS.get(m.persona, "Here for the plants and the people.").format(
                what=rng.choice(["school projects", "urban tree surveys", "Android", "the sync engine", m.culture.languages[0]])
            )
        if rng.random() < 0.4:
            person.availability = rng.choice(AVAILABILITY)
        if rng.random() < 0.3:
            person.thanks_preferences = rng.sample(THANKS_KINDS, rng.randint(1, 3))
            if rng.random() < 0.4:
                person.thanks_note = rng.choice(THANKS_NOTES)
        if rng.random() < 0.3:
            person.field_visibility = {
                "pronouns": rng.choice(["public", "stewards"]),
                "motivation": rng.choice(["only-me", "stewards", "organisers"]),
                "availability": rng.choice(["organisers", "public"]),
                "breaks": rng.choice(["stewards", "organisers"]),
            }
    person.consent_public_listing = rng.random() < _LISTED[m.lifecycle]
    person.consent_contact = person.consent_public_listing or rng.random() < 0.35
    return person


def _aliases(rng: random.Random, members: list[Member], locals_: _Unique) -> None:
    """Second spellings of the same person (same e-mail), and separate rows that are one human."""
    for m in members:
        if m.persona not in CODE_PERSONAS and m.second not in CODE_PERSONAS:
            continue
        if m.budget >= 15 and rng.random() < 0.3:
            folded = ascii_fold(m.display)
            others = [x for x in (m.handle, m.name.given.latin, m.name.latin(True), m.name.latin()) if x != m.display]
            m.git_alias = folded if folded != m.display else rng.choice(others)
        if m.budget >= 10 and rng.random() < 0.09:
            how = rng.choice(["work-email", "other-spelling", "placeholder-email"]
                             + (["native-script"] if m.culture.has_native_script else []))
            m.duplicate_how = how
            if how == "work-email":
                m.duplicate_name, domain = m.display, rng.choice(WORK_DOMAINS)
                m.duplicate_email = f"{locals_(email_local(rng, m.name), rng)}@{domain}"
            elif how == "other-spelling":
                folded = ascii_fold(m.display)
                m.duplicate_name = folded if folded != m.display else m.name.latin(m.display == m.name.latin())
                m.duplicate_email = f"{locals_(m.handle.replace('.', ''), rng)}@{rng.choice(GLOBAL_DOMAINS)}"
            elif how == "placeholder-email":
                m.duplicate_name = m.display
                m.duplicate_email = rng.choice(PLACEHOLDER_EMAILS).format(h=m.handle.split(".")[0])
            else:
                m.duplicate_name = m.name.native()
                m.duplicate_email = f"{locals_(m.handle.replace('.', '_'), rng)}@{rng.choice(m.culture.domains)}"
            a = rng.randint(m.start, m.end)
            m.duplicate_window = (a, min(m.end, a + rng.randint(30, 500) * DAY))
