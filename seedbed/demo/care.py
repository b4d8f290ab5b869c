"""The people side of the demo: mentoring, motivation, breaks, a steward's notes, and the logins.

Pure. Mentorships are planned before the timeline (they follow people's arrival) and
their check-ins are written into it afterwards; motivations, breaks, notes and
interactions come last, when everyone's first and last activity is known.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from seedbed.demo import text
from seedbed.demo.groups import GroupMaker, date_of
from seedbed.demo.population import DAY, WINDOW, Member
from seedbed.demo.records import (BreakRecord, Community, InteractionRecord, MembershipRecord, MentorshipRecord,
                                  MotivationRecord, NoteRecord)

MENTOR_PERSONAS = {"maintainer", "developer", "helper", "writer", "translator", "designer", "organiser"}
GOALS = ["First merged pull request", "Translate the onboarding guide into {language}", "Give a first talk at a meetup",
         "Become a reviewer for the docs", "Organise a local meetup", "Fix a bug in {module}", "Learn the plugin API"]
BASE_IMPORTANCE = {"learn": 2, "career": 1, "purpose": 2, "belonging": 2, "fun": 3}
ORIENTATION = {"learn": (-1, 0), "career": (1, 2), "purpose": (-2, -1), "belonging": (-1, 0), "fun": (-2, -1)}
BREAK_NOTES = ["Parental leave", "Exams until the end of term", "Moving house", "Taking time off to rest",
               "Travelling, no laptop", "New job: back in a few months", ""]
NOTES = [
    "Met at the **{city}** meetup. Keen on {interest}; could enjoy mentoring newcomers later.",
    "Said in the survey they'd like to give a talk. *Follow up before the summit.*",
    "Quiet lately: started a new job. Check in gently, no pressure.",
    "Prefers a private thank-you over public shout-outs.",
    "Answered most `#help` questions in spring. Ask whether they want a mentor role.",
    "First contribution was a translation; wants to try code next. Suggested a good first issue.",
    "Organises the local team almost alone: look for a co-organiser.",
]
TOPICS = ["Welcome call", "Checked in about the translation sprint", "Thanked them for the sync fix",
          "Asked about becoming a mentor", "Talked at the summit", "Follow-up after a quiet spell",
          "Discussed a travel grant for the summit", "Chat about their first talk"]


@dataclass
class Plan:
    mentor: Member
    mentee: Member
    start: int
    end: int | None


class Care:
    def __init__(self, rng: random.Random, community: Community, members: list[Member], groups: GroupMaker) -> None:
        self.rng = rng
        self.c = community
        self.members = members
        self.groups = groups
        self.plans: list[Plan] = []

    def at(self, s: int) -> dt.datetime:
        return self.c.anchor - dt.timedelta(seconds=WINDOW - s)

    def keep_active(self, m: Member) -> None:
        """A demo login must belong to someone who is around today."""
        if m.end < WINDOW - 5 * DAY:
            m.end = WINDOW - self.rng.randint(0, 3) * DAY
            m.lifecycle = self.c.people[m.index].lifecycle = "regular"
            for ms in self.c.memberships:
                if ms.person == m.index:
                    ms.left_on = None

    def logins(self) -> None:
        rng = self.rng
        teams = self.groups.teams
        team = next((t for t in teams if t.culture == "de"), teams[0])
        organiser = next((o for o in team.organisers if o.end >= WINDOW - 5 * DAY), team.organisers[0])
        self.keep_active(organiser)
        taken = {organiser.index}
        staff = [m for m in self.members if m.lifecycle == "core" and m.index not in taken]
        steward = next((m for m in staff if m.persona in ("steward", "organiser", "helper")), staff[0])
        for m in [steward] + [x for x in staff if x.persona == "maintainer"][:2]:
            self.c.people[m.index].kind = "staff"  # the foundation's community manager and two paid maintainers
        taken.add(steward.index)
        mentors = sorted((m for m in self.members if m.lifecycle in ("core", "regular", "drifted") and m.persona in MENTOR_PERSONAS
                          and m.index not in taken), key=lambda m: (-m.budget, m.index))
        self.mentors = mentors[: max(4, len(self.members) // 75)]
        mentor = next(m for m in self.mentors if m.end >= WINDOW - 5 * DAY)
        taken.add(mentor.index)
        team_ids = {m.index for m in team.members}
        candidates = [m for m in self.members if m.lifecycle in ("occasional", "regular") and m.index not in taken
                      and m.culture.code == team.culture and m.persona in ("developer", "writer", "translator")
                      and WINDOW - 400 * DAY <= m.start <= WINDOW - 90 * DAY]
        member = min(candidates or [m for m in self.members if m.lifecycle == "occasional" and m.index not in taken],
                     key=lambda m: (m.index not in team_ids, abs(m.budget - 25), m.index))
        self.keep_active(member)
        if member.index not in team_ids:
            team.members.append(member)
            self.c.memberships.append(MembershipRecord(team.group, member.index, "member", date_of(self.c, member.start + 20 * DAY)))
        self.plans.append(Plan(mentor, member, WINDOW - rng.randint(20, 60) * DAY, None))
        self.c.logins = {"steward": steward.index, "organiser": organiser.index, "mentor": mentor.index, "member": member.index}

    def mentorships(self) -> None:
        rng = self.rng
        mentor_ids = {m.index for m in self.mentors} | set(self.c.logins.values())
        load = {m.index: 0 for m in self.mentors}
        for young in self.mentors:  # some mentors were mentees once
            elders = [m for m in self.mentors if m.start + 200 * DAY < young.start <= m.end]
            if elders and rng.random() < 0.8:
                s = young.start + rng.randint(5, 30) * DAY
                self.plans.append(Plan(rng.choice(elders), young, s, min(WINDOW - DAY, s + rng.randint(90, 200) * DAY)))
        for m in self.members:
            if m.lifecycle not in ("newcomer", "occasional", "regular", "drifted") or m.index in mentor_ids:
                continue
            if rng.random() > (0.12 if m.lifecycle == "newcomer" else 0.05):
                continue
            s = m.start + rng.randint(3, 30) * DAY
            able = [x for x in self.mentors if x.start + 60 * DAY <= s <= x.end and load[x.index] < 8]
            if s >= WINDOW or not able:
                continue
            favourite = self.c.logins["mentor"]  # the demo's mentor login should have a full list to show
            mentor = rng.choice(able + [x for x in able if x.index == favourite] * 3)
            load[mentor.index] += 1
            end = s + rng.randint(60, 180) * DAY
            self.plans.append(Plan(mentor, m, s, None if end >= WINDOW else end))
        for plan in self.plans:
            self.c.mentorships.append(self.record(plan))

    def record(self, plan: Plan) -> MentorshipRecord:
        rng = self.rng
        goal = text.fill(rng, GOALS)
        mentee = plan.mentee
        gone = min(mentee.end, plan.mentor.end)  # either of them drifting away ends it
        if plan.end is None and gone >= WINDOW - 30 * DAY:
            return MentorshipRecord(plan.mentor.index, mentee.index, date_of(self.c, plan.start), None, "ongoing", goal)
        if mentee in self.mentors and plan.end is not None:
            outcome = "became-mentor"
        elif gone < (plan.end or WINDOW):
            plan.end = min(WINDOW - DAY, max(plan.start + 14 * DAY, gone + rng.randint(3, 20) * DAY))
            outcome = "ended-early"
        elif mentee.end > plan.end + 120 * DAY:
            outcome = rng.choice(["stayed", "stayed", "completed"])
        else:
            outcome = "completed"
        return MentorshipRecord(plan.mentor.index, mentee.index, date_of(self.c, plan.start), date_of(self.c, plan.end),
                                outcome, goal)

    def check_ins(self, timeline) -> None:
        """Mentors log a check-in in the #mentoring stream every week or few."""
        rng = self.rng
        for plan in self.plans:
            s, end = plan.start, plan.end if plan.end is not None else WINDOW - 1
            end = min(end, plan.mentor.end + 7 * DAY)  # a mentor who drifted away stops checking in
            while s < end:
                mention = timeline.mention(plan.mentee, "zulip", s)
                mid = timeline.next("z:msg", step=9)
                topic = plan.mentee.display[:60]
                body = text.fill(rng, text.MENTORING, h=mention)
                timeline.emit(timeline.book.get(plan.mentor, "zulip", s), "zulip", f"msg:{mid}", "mentoring", "mentoring", s,
                              channel="mentoring", thread_key=f"mentoring/{topic}", title=topic, body=body,
                              url=f"https://chat.seedbed-demo.org/#narrow/stream/mentoring/near/{mid}", size=text.words(body))
                s += rng.randint(7, 21) * DAY

    def self_reports(self) -> None:
        """Motivation answers, breaks, and the steward's notes and interactions."""
        rng = self.rng
        logins = set(self.c.logins.values())
        notable = {o.index for t in self.groups.teams for o in t.organisers} | {m.index for m in self.mentors}
        for m in self.members:
            person = self.c.people[m.index]
            if person.first_seen is None:
                continue
            first = int((person.first_seen - self.at(0)).total_seconds())
            if m.index in logins or (m.lifecycle != "driveby" and rng.random() < 0.3):
                self.motivations(m, rng.randint(first, max(first, WINDOW - DAY)), first)
            if m.lifecycle != "driveby" and rng.random() < 0.015:
                self.declared_break(m)
            if m.index in logins or m.index in notable or m.lifecycle == "core" or rng.random() < 0.03:
                self.notes(m, first)
            if person.consent_public_listing or person.consent_contact or person.pronouns:
                person.consent_updated_at = self.at(rng.randint(first, WINDOW - 1))

    def motivations(self, m: Member, s: int, first: int) -> None:
        rng = self.rng
        source = rng.choices(["self", "survey", "steward"], (70, 25, 5))[0]
        asked = [s] + ([s - rng.randint(180, 400) * DAY] if rng.random() < 0.25 else [])
        for when in asked:
            if when < first:
                continue
            for motive in rng.sample(list(BASE_IMPORTANCE), rng.randint(3, 5)):
                importance = BASE_IMPORTANCE[motive] + rng.randint(-1, 1)
                if (motive == "learn" and m.lifecycle == "newcomer") or (motive == "career" and m.persona in ("developer", "designer")):
                    importance += 1
                if (motive == "purpose" and m.persona in ("translator", "user", "researcher")) or (
                        motive == "belonging" and m.persona in ("organiser", "helper")):
                    importance += 1
                self.c.motivations.append(MotivationRecord(
                    m.index, motive, max(0, min(4, importance)), rng.randint(*ORIENTATION[motive]), self.at(when), source,
                ))

    def declared_break(self, m: Member) -> None:
        rng = self.rng
        if m.end < WINDOW - 60 * DAY:  # said so before going quiet
            starts, ends = m.end + rng.randint(0, 10) * DAY, None
        elif rng.random() < 0.5:  # on a break now
            starts = WINDOW - rng.randint(1, 30) * DAY
            ends = starts + rng.randint(30, 120) * DAY
        else:
            starts = rng.randint(m.start, max(m.start, WINDOW - 60 * DAY))
            ends = starts + rng.randint(14, 90) * DAY
        self.c.breaks.append(BreakRecord(m.index, date_of(self.c, min(starts, WINDOW - DAY)),
                                         None if ends is None else date_of(self.c, ends), rng.choice(BREAK_NOTES)))

    def notes(self, m: Member, first: int) -> None:
        rng = self.rng
        person = self.c.people[m.index]
        for _ in range(rng.randint(1, 2)):
            body = rng.choice(NOTES).format(city=rng.choice(m.culture.cities), interest=(person.interests or ["the app"])[0])
            self.c.notes.append(NoteRecord(m.index, body, self.at(rng.randint(first, WINDOW - 1))))
        for _ in range(rng.randint(0, 4)):
            channel = rng.choice(["in-person", "call", "video", "email", "chat", "event", "other"])
            self.c.interactions.append(InteractionRecord(m.index, self.at(rng.randint(first, WINDOW - 1)), channel, rng.choice(TOPICS)))
