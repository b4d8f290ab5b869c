"""Events in the demo: local meetups, a yearly summit, and online docs and translation sprints.

Pure. Each event yields activities on the "events" platform: organising, talks and
attendance, for people who are around at the time. Keys are calendar-free
("event:<n>:talk:<k>"), so a demo built on another day has the same keys.
"""
from __future__ import annotations

import random

from seedbed.demo import text
from seedbed.demo.groups import GroupMaker, Team
from seedbed.demo.names import slug
from seedbed.demo.population import DAY, DAYS, WINDOW, Member

SITE = "https://events.seedbed-demo.org"


class Events:
    def __init__(self, timeline, groups: GroupMaker) -> None:
        self.t = timeline
        self.rng: random.Random = timeline.rng
        self.groups = groups
        self.count = 0
        self.active = [m for m in timeline.members if m.lifecycle != "driveby"]

    def run(self) -> None:
        for team in self.groups.teams:
            self.meetups(team)
        self.summits()
        self.sprints("Documentation WG", "Docs sprint", "writer")
        self.sprints("Translation WG", "Translation sprint", "translator")

    def around(self, people: list[Member], s: int) -> list[Member]:
        return [m for m in people if m.start - 7 * DAY <= s <= m.end + 7 * DAY]

    def event(self, name: str, s: int, organisers: list[Member], speakers: list[Member], attendees: list[Member]) -> None:
        rng = self.rng
        self.count += 1
        number = self.count
        year = self.t.at(s).year
        title = name.replace("{year}", str(year))
        url = f"{SITE}/{number}-{'-'.join(filter(None, (slug(w) for w in title.split())))}/"
        seen: set[int] = set()
        for role, people in (("organising", organisers), ("talk", speakers), ("attendance", attendees)):
            for k, m in enumerate(people):
                if m.index in seen:
                    continue
                seen.add(m.index)
                identity = self.t.book.get(m, "events", s)
                key = f"event:{number}:{role}:{k}"
                if role == "organising":
                    self.t.emit(identity, "events", key, "event-organising", "eventOrganizing", max(0, s - rng.randint(3, 20) * DAY),
                                channel=title, title=f"Organised {title}", url=url, size=len(attendees))
                elif role == "talk":
                    talk = text.fill(rng, "{talk}")
                    self.t.emit(identity, "events", key, "talk", "talk", s, channel=title, title=talk, url=url + f"#talk-{k}",
                                size=rng.choice([5, 20, 30, 45]), extra={"event": title})
                else:
                    # Attending is taking part in the conversation; no contribution type fits better.
                    self.t.emit(identity, "events", key, "event-attendance", "ideas", s, channel=title,
                                title=f"Attended {title}", url=url)

    def meetups(self, team: Team) -> None:
        rng = self.rng
        s = team.created + rng.randint(30, 90) * DAY
        n = 0
        while s < WINDOW - DAY:
            organisers = self.around(team.organisers, s)
            if organisers:  # a team whose organisers have gone quiet stops meeting
                n += 1
                evening = s - s % DAY + 18 * 3600 - int(team.members[0].offset * 3600)
                evening = min(max(evening, 0), WINDOW - 1)
                locals_ = self.around(team.members, s)
                speakers = rng.sample(locals_, min(len(locals_), rng.choice([1, 1, 2])))
                attendees = rng.sample(locals_, min(len(locals_), rng.randint(5, 30)))
                self.event(f"Marigold {team.city} meetup #{n}", evening, organisers, speakers, attendees)
            s += rng.randint(28, 80) * DAY

    def summits(self) -> None:
        rng = self.rng
        chairs = self.groups.chairs.get("Events WG", [])
        hosts = [team.city for team in self.groups.teams] or ["Berlin"]
        for k, days_before in enumerate((DAYS - 95, DAYS - 460, DAYS - 825)):
            s = WINDOW - days_before * DAY + 9 * 3600
            around = self.around(self.active, s)
            if not around:
                continue
            weights = [m.budget for m in around]
            organisers = self.around(chairs, s) + rng.sample(around, min(len(around), 3))
            speakers = list(dict.fromkeys(rng.choices(around, weights, k=min(len(around), rng.randint(16, 24)))))
            attendees = rng.sample(around, min(len(around), rng.randint(80, 180)))
            self.event(f"Marigold Summit {{year}} ({hosts[k % len(hosts)]})", s, organisers, speakers, attendees)

    def sprints(self, group: str, label: str, persona: str) -> None:
        rng = self.rng
        chairs = self.groups.chairs.get(group, [])
        crowd = [m for m in self.active if persona in (m.persona, m.second)]
        s = 60 * DAY + rng.randint(0, 60) * DAY
        n = 0
        while s < WINDOW - DAY:
            around = self.around(crowd, s)
            organisers = self.around(chairs, s) or around[:1]
            if organisers:
                n += 1
                attendees = rng.sample(around, min(len(around), rng.randint(8, 30)))
                self.event(f"{label} #{n} (online)", s, organisers, [], attendees)
            s += rng.randint(100, 140) * DAY
