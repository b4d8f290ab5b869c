"""The demo community's groups: local teams by city, user groups, affinity and working groups.

Pure. Groups are made before the timeline runs, from who people are and when they are
around; a person who drifts away leaves their groups a little later.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from seedbed.demo.names import slug
from seedbed.demo.population import DAY, WINDOW, Member
from seedbed.demo.records import Community, GroupRecord, MembershipRecord

USER_GROUPS = [
    ("Marigold in Education", "Teachers and school networks running bioblitzes and class projects."),
    ("Herbaria & Museums", "Collections staff digitising specimens with Marigold."),
    ("Urban Ecology Users", "City tree surveys, pollinator counts and green-roof monitoring."),
    ("Farmers & Growers", "Tracking crops, weeds and soil life on working farms."),
    ("Self-hosters", "People who run their own Marigold server and tile cache."),
]
WORKING_GROUPS = [
    ("Documentation WG", "writer", "Keeps the docs, tutorials and website current."),
    ("Translation WG", "translator", "Coordinates translators, glossaries and sprints."),
    ("Infrastructure WG", "operator", "Runs CI, the tile servers and the release machinery."),
    ("Events WG", "organiser", "Plans the summit and supports local teams' meetups."),
    ("Security response team", "maintainer", "Handles vulnerability reports and advisories."),
    ("Code of Conduct committee", "helper", "Responds to conduct reports; keeps the process fair."),
    ("Release team", "maintainer", "Cuts releases and keeps the changelog honest."),
]


@dataclass
class Team:
    group: int
    city: str
    culture: str
    created: int
    members: list[Member] = field(default_factory=list)
    organisers: list[Member] = field(default_factory=list)


def date_of(community: Community, s: int) -> dt.date:
    return (community.anchor - dt.timedelta(seconds=WINDOW - s)).date()


class GroupMaker:
    def __init__(self, rng: random.Random, community: Community, members: list[Member]) -> None:
        self.rng = rng
        self.c = community
        self.members = members
        self.teams: list[Team] = []
        self.chairs: dict[str, list[Member]] = {}  # working group name -> its organisers

    def group(self, name: str, kind: str, description: str, created: int, **extra) -> int:
        self.c.groups.append(GroupRecord(
            name=name, slug="-".join(part for part in (slug(w) for w in name.split()) if part), kind=kind,
            description=description, created_at=self.c.anchor - dt.timedelta(seconds=WINDOW - created), **extra,
        ))
        return len(self.c.groups) - 1

    def join(self, group: int, m: Member, role: str, not_before: int) -> None:
        rng = self.rng
        s = min(max(m.start, not_before) + rng.randint(0, 60) * DAY, WINDOW - DAY)
        left = None
        if m.lifecycle == "drifted" and m.end + 90 * DAY < WINDOW:
            left = date_of(self.c, m.end + rng.randint(20, 90) * DAY)
        self.c.memberships.append(MembershipRecord(group=group, person=m.index, role=role, joined_on=date_of(self.c, s),
                                                   left_on=left))

    def organisers_of(self, candidates: list[Member], k: int) -> list[Member]:
        ranked = sorted(candidates, key=lambda m: (m.persona != "organiser", -m.budget, m.index))
        return ranked[:k]

    def local_teams(self) -> None:
        rng = self.rng
        by_culture: dict[str, list[Member]] = {}
        for m in self.members:
            if m.lifecycle != "driveby":
                by_culture.setdefault(m.culture.code, []).append(m)
        cultures = sorted({m.culture.code: m.culture for m in self.members}.values(), key=lambda c: -c.weight)
        for culture in cultures:
            people = by_culture.get(culture.code, [])
            if culture.weight < 3 or len(people) < 8:
                continue
            cities = culture.cities[: 2 if culture.weight >= 8 else 1]
            for i, city in enumerate(cities):
                mine = [m for j, m in enumerate(people) if j % len(cities) == i]
                joined = [m for m in mine if rng.random() < (0.8 if m.persona == "organiser" else 0.35)]
                if len(joined) < 3:
                    continue
                created = max(0, min(m.start for m in joined) - rng.randint(0, 30) * DAY)
                zone = culture.zones[0][0]
                group = self.group(f"Marigold {city}", "local-team", f"Meetups, bioblitzes and hack nights in {city}.",
                                   created, region=culture.region, time_zone=zone)
                team = Team(group=group, city=city, culture=culture.code, created=created, members=joined)
                team.organisers = self.organisers_of(joined, rng.choice([1, 2, 2, 3]))
                chairs = {o.index for o in team.organisers}
                for m in joined:
                    self.join(group, m, "organiser" if m.index in chairs else "member", created)
                self.teams.append(team)

    def other_groups(self, pronouns: list[str]) -> None:
        rng = self.rng
        active = [m for m in self.members if m.lifecycle != "driveby"]
        for name, description in USER_GROUPS:
            joined = [m for m in active if rng.random() < 0.04]
            self.fill(name, "user-group", description, joined, rng.choice([1, 1, 2]), self_joined=False)
        affinity = [
            ("Women in Marigold", "Contributors who are women, and friends.", lambda m: pronouns[m.index].startswith("she") and rng.random() < 0.3),
            ("Queer in Marigold", "LGBTQIA+ contributors and allies.", lambda m: rng.random() < 0.02),
            ("Marigold en español", "Contribuidores hispanohablantes.", lambda m: m.culture.code.startswith("es") and rng.random() < 0.3),
            ("Lusófonos do Marigold", "Contribuidores que falam português.", lambda m: m.culture.code == "pt-br" and rng.random() < 0.3),
            ("APAC night owls", "Contributors in Asia and the Pacific, meeting when Europe sleeps.",
             lambda m: m.offset >= 5 and rng.random() < 0.1),
            ("Parents & carers", "Contributing around caring for others.", lambda m: rng.random() < 0.03),
            ("Students & early career", "Learning in the open together.", lambda m: m.lifecycle in ("newcomer", "occasional") and rng.random() < 0.05),
            ("Marigold Africa", "Contributors across the African continent.", lambda m: m.culture.region == "Africa" and rng.random() < 0.25),
        ]
        for name, description, wants in affinity:
            joined = [m for m in active if wants(m)]
            self.fill(name, "affinity-group", description, joined, rng.choice([0, 1, 1]), self_joined=True)
        for name, persona, description in WORKING_GROUPS:
            joined = [m for m in active if (m.persona == persona or m.second == persona)
                      and m.lifecycle in ("core", "regular", "drifted") and rng.random() < 0.5]
            self.chairs[name] = self.fill(name, "working-group", description, joined, rng.choice([1, 2, 2]), self_joined=False)

    def fill(self, name: str, kind: str, description: str, joined: list[Member], organisers: int, self_joined: bool) -> list[Member]:
        if not joined:
            return []
        created = max(0, min(m.start for m in joined))
        group = self.group(name, kind, description, created, self_joined=self_joined)
        chairs = self.organisers_of([m for m in joined if m.lifecycle != "newcomer"], organisers)
        chair_ids = {m.index for m in chairs}
        for m in joined:
            self.join(group, m, "organiser" if m.index in chair_ids else "member", created)
        return chairs
