"""The demo community generator: a fixed seed and today's date in, plain records out.

Pure: standard library only (an import-linter contract keeps Django out), so it is fast
to test and shared by the demo command, tests and screenshots. Every date is an offset
from the anchor, midnight UTC at the start of ``today``; building on another day shifts
every date by the same amount and changes nothing else but the years written in event
names and list-archive links.
"""
from __future__ import annotations

import datetime as dt
import random

from seedbed.demo.bots import Bots
from seedbed.demo.care import Care
from seedbed.demo.events import Events
from seedbed.demo.groups import GroupMaker
from seedbed.demo.identities import IdentityBook
from seedbed.demo.population import make_people
from seedbed.demo.rand import DemoRandom
from seedbed.demo.records import Community
from seedbed.demo.timeline import Timeline

DEMO_SEED = 20160516  # the Community Leadership Summit session the product grew from
PEOPLE = 2350
ACTIONS = 100_000  # what people set out to do; replies, events and bots add about a fifth more


def generate(today: dt.date, seed: int = DEMO_SEED, scale: float = 1.0) -> Community:
    """The whole demo community. ``scale`` < 1 makes a smaller one for quick tests."""
    anchor = dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc)
    community = Community(today=today, seed=seed, anchor=anchor)
    rng = DemoRandom(seed)
    community.people, members = make_people(rng, max(150, round(PEOPLE * scale)), max(3000, round(ACTIONS * scale)))
    book = IdentityBook(rng, community)
    groups = GroupMaker(rng, community, members)
    groups.local_teams()
    groups.other_groups([p.pronouns for p in community.people])
    care = Care(rng, community, members, groups)
    care.logins()
    care.mentorships()
    timeline = Timeline(rng, community, members, book)
    timeline.run()
    Events(timeline, groups).run()
    care.check_ins(timeline)
    Bots(timeline).run()
    book.record_merges(members)
    _settle(rng, community)
    care.self_reports()
    return community


def _settle(rng: random.Random, c: Community) -> None:
    """Fill what follows from everything else: reply counts, reviewers, reactions, first and last seen."""
    activities, identities = c.activities, c.identities
    for a in activities:
        if a.parent is not None:
            activities[a.parent].replies_received += 1
    for a in activities:
        if a.kind == "review":
            reviewers = activities[a.parent].reviewed_by
            login = identities[a.identity].username
            if login not in reviewers:
                reviewers.append(login)
        if a.platform in ("discourse", "zulip", "github") and a.kind != "review" and not identities[a.identity].is_bot:
            a.reactions = min(60, int(rng.paretovariate(2.0)) - 1 + (3 if a.accepted else 0))
    for a in activities:
        for index in (a.identity, a.committer):
            if index is None:
                continue
            identity = identities[index]
            if identity.first_seen is None or a.occurred_at < identity.first_seen:
                identity.first_seen = a.occurred_at
            if identity.last_seen is None or a.occurred_at > identity.last_seen:
                identity.last_seen = a.occurred_at
    owners = {i: identity.person for i, identity in enumerate(identities)}
    for merge in c.merges:  # an absorbed person keeps the dates of the identities they had
        for i in merge.identities:
            owners[i] = merge.absorbed
    for i, identity in enumerate(identities):
        for person in {owners[i], identity.person}:
            p = c.people[person]
            if identity.first_seen is None:
                continue
            if p.first_seen is None or identity.first_seen < p.first_seen:
                p.first_seen = identity.first_seen
            if p.last_seen is None or identity.last_seen > p.last_seen:
                p.last_seen = identity.last_seen
