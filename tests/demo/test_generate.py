"""The pure demo generator: deterministic, big enough, shaped like a real community."""
import datetime as dt
import re
import statistics
from collections import Counter

import pytest

from seedbed.activity.taxonomy import ACTIVITY_KINDS, CONTRIBUTION_TYPES
from seedbed.demo.generate import generate
from seedbed.people.placeholders import is_personal_email

pytestmark = pytest.mark.slow  # most tests share one full-size community (a few seconds to make)

TODAY = dt.date(2026, 3, 14)
# Words that thank, in the languages the demo's askers use; "asante" only when it addresses
# someone, since Asante is also a family name.
THANKS = re.compile(r"thank|thx|danke|gracias|obrigad|merci|ありがとう|dziękuj|teşekkür|terima kasih|\basante [@A-Z]", re.I)


@pytest.fixture(scope="module")
def demo():
    return generate(TODAY)


def person_of(c, a):
    return c.identities[a.identity].person


def test_it_is_deterministic_for_a_seed_and_a_day():
    first, again = generate(TODAY, scale=0.1), generate(TODAY, scale=0.1)
    assert first.activities == again.activities
    assert first.people == again.people and first.identities == again.identities
    assert first.memberships == again.memberships and first.mentorships == again.mentorships
    other_seed = generate(TODAY, seed=7, scale=0.1)
    assert [a.key for a in other_seed.activities[:50]] != [a.key for a in first.activities[:50]]


def test_dates_move_with_today_and_nothing_else_does():
    base, later = generate(TODAY, scale=0.1), generate(TODAY + dt.timedelta(days=45), scale=0.1)
    assert len(base.activities) == len(later.activities)
    for a, b in zip(base.activities, later.activities):
        assert (b.key, b.identity, b.kind) == (a.key, a.identity, a.kind)
        assert b.occurred_at - a.occurred_at == dt.timedelta(days=45)
    assert max(a.occurred_at for a in later.activities) < later.anchor


def test_it_is_big_enough(demo):
    assert len(demo.people) >= 2000
    assert len(demo.activities) >= 100_000
    first = min(a.occurred_at for a in demo.activities)
    assert demo.anchor - dt.timedelta(days=3 * 365 + 30) <= first <= demo.anchor - dt.timedelta(days=3 * 365 - 30)
    assert max(a.occurred_at for a in demo.activities) < demo.anchor


def test_every_contribution_type_and_kind_is_used(demo):
    types = Counter(a.contribution_type for a in demo.activities)
    kinds = Counter(a.kind for a in demo.activities)
    assert set(types) == set(CONTRIBUTION_TYPES)
    assert set(kinds) == set(ACTIVITY_KINDS)
    assert min(types.values()) >= 20, types.most_common()[-5:]
    assert min(kinds.values()) >= 20, kinds.most_common()[-5:]


def test_the_last_90_days_are_busy(demo):
    since = demo.anchor - dt.timedelta(days=90)
    recent = [a for a in demo.activities if a.occurred_at >= since]
    assert len(recent) >= 10_000
    assert len({person_of(demo, a) for a in recent}) >= 500


def test_a_few_people_do_much_and_most_do_little(demo):
    per_person = Counter(person_of(demo, a) for a in demo.activities)
    humans = [i for i, p in enumerate(demo.people) if p.kind != "bot" and p.merged_into is None]
    counts = sorted((per_person[i] for i in humans), reverse=True)
    top = counts[: len(counts) // 100]
    assert sum(top) / sum(counts) >= 0.15
    assert statistics.median(counts) <= 20
    assert min(counts) >= 1


def test_newcomers_arrive_and_regulars_drift_away(demo):
    since = demo.anchor - dt.timedelta(days=90)
    per_person = Counter(person_of(demo, a) for a in demo.activities)
    newcomers = [p for p in demo.people if p.kind == "member" and p.first_seen >= since]
    drifted = [i for i, p in enumerate(demo.people)
               if per_person[i] >= 30 and p.last_seen < demo.anchor - dt.timedelta(days=120)]
    assert len(newcomers) >= 200
    assert len(drifted) >= 100


def test_people_come_from_many_places(demo):
    people = [p for p in demo.people if p.kind != "bot"]
    assert len({p.time_zone for p in people if p.time_zone}) >= 30
    assert len({p.region for p in people if p.region}) >= 8
    assert len({lang for p in people for lang in p.languages}) >= 20
    assert any(not p.display_name.isascii() for p in people)
    assert any("/" in p.pronouns for p in people) and any(p.interests and p.skills for p in people)
    assert 0.1 < sum(p.consent_public_listing for p in people) / len(people) < 0.5
    native = [i.name for i in demo.identities if i.name and not any(c.isascii() for c in i.name.replace(" ", ""))]
    assert native  # some write their name in their own script


def test_keys_are_unique_and_records_point_at_real_rows(demo):
    assert len({(a.platform, a.key) for a in demo.activities}) == len(demo.activities)
    assert len({(i.source_kind, i.source_instance, i.key) for i in demo.identities}) == len(demo.identities)
    assert all(0 <= i.person < len(demo.people) for i in demo.identities)
    assert len({g.slug for g in demo.groups}) == len(demo.groups)
    for a in demo.activities:
        if a.parent is not None:
            parent = demo.activities[a.parent]
            assert (parent.platform, parent.key) == (a.platform, a.parent_key)
            assert parent.occurred_at <= a.occurred_at
            assert a.thread_key in (parent.thread_key, parent.key) or a.kind == "co-authored"


def test_thanks_for_help_is_recorded_and_lookalikes_are_not(demo):
    acts = demo.activities
    helped = {t for t, _ in demo.truth.help}
    assert len(helped) >= 1000 and len(demo.truth.not_help) >= 1000
    assert not helped & set(demo.truth.not_help)
    for thanks, helper in demo.truth.help:
        a, h = acts[thanks], acts[helper]
        assert a.parent == helper and a.parent_key == h.key and a.platform == h.platform
        assert h.contribution_type == "question" and person_of(demo, a) != person_of(demo, h)
        assert THANKS.search(a.body)
    saying_thanks = {i for i, a in enumerate(acts) if THANKS.search(f"{a.title} {a.body}")}
    assert saying_thanks == helped | set(demo.truth.not_help)
    bodies = " ".join(acts[i].body for i in demo.truth.not_help)
    for lookalike in ("Thanks in advance", "No thanks", "but that didn't", "Thanks for the report"):
        assert lookalike in bodies
    platforms = Counter(acts[t].platform for t in helped)
    assert set(platforms) == {"discourse", "mbox", "zulip"}
    assert any(not acts[t].body.isascii() for t in helped)  # thanks in other languages too


def test_quality_signals_are_consistent(demo):
    acts = demo.activities
    children = Counter(a.parent for a in acts if a.parent is not None)
    assert all(a.replies_received == children[i] for i, a in enumerate(acts))
    accepted_per_topic = Counter(a.parent for a in acts if a.accepted)
    assert accepted_per_topic and max(accepted_per_topic.values()) == 1
    prs = [a for a in acts if a.kind == "pull-request"]
    assert {a.merged for a in prs} == {True, False}
    reviewed = [a for a in prs if a.reviewed_by]
    assert len(reviewed) >= 1000
    assert {a.accepted for a in acts if a.kind == "answer"} == {True, False}
    assert sum(a.reactions for a in acts) > 0


def test_first_and_last_seen_follow_the_activities(demo):
    first, last = {}, {}
    for a in demo.activities:
        for i in (a.identity, a.committer):
            if i is not None:
                first[i] = min(first.get(i, a.occurred_at), a.occurred_at)
                last[i] = max(last.get(i, a.occurred_at), a.occurred_at)
    for i, identity in enumerate(demo.identities):
        assert (identity.first_seen, identity.last_seen) == (first[i], last[i])
    for n, person in enumerate(demo.people):
        mine = [i for i in demo.identities if i.person == n]
        if mine:
            assert person.first_seen <= min(i.first_seen for i in mine)
            assert person.last_seen >= max(i.last_seen for i in mine)


def test_identities_look_like_the_real_thing(demo):
    per_person = Counter(i.person for i in demo.identities)
    assert sum(1 for n in per_person.values() if n >= 4) >= 400
    kinds = {(i.source_kind, i.source_instance) for i in demo.identities}
    assert {("git", ""), ("discourse", "forum.seedbed-demo.org"), ("mbox", "dev@lists.seedbed-demo.org"),
            ("zulip", "chat.seedbed-demo.org")} <= kinds
    git_per_person = Counter(i.person for i in demo.identities if i.source_kind == "git")
    assert sum(1 for n in git_per_person.values() if n >= 2) >= 50
    placeholders = [i for i in demo.identities if i.source_kind == "git" and i.email and not is_personal_email(i.email)
                    and "noreply" not in i.email]
    assert len(placeholders) >= 10
    bots = [p for p in demo.people if p.kind == "bot"]
    assert "dependabot[bot]" in {p.display_name for p in bots}
    bot_ids = [i for i in demo.identities if demo.people[i.person].kind == "bot"]
    assert bot_ids and all(i.is_bot for i in bot_ids)
    assert not any(i.is_bot for i in demo.identities if demo.people[i.person].kind != "bot")


def test_some_humans_are_still_two_people(demo):
    pairs = demo.truth.same_human
    assert len(pairs) >= 30
    assert {how for _, _, how in pairs} >= {"work-email", "other-spelling", "placeholder-email"}
    unmerged = [(a, b) for a, b, _ in pairs if demo.people[b].merged_into is None]
    assert len(unmerged) >= 20
    for a, b in unmerged:
        assert any(i.person == b for i in demo.identities)
    assert demo.merges and all(demo.people[m.absorbed].merged_into == m.survivor for m in demo.merges)


def test_groups_mentoring_and_what_people_told_us(demo):
    kinds = Counter(g.kind for g in demo.groups)
    assert set(kinds) == {"local-team", "user-group", "affinity-group", "working-group"}
    organised = {m.group for m in demo.memberships if m.role == "organiser"}
    teams = [n for n, g in enumerate(demo.groups) if g.kind == "local-team"]
    assert len(teams) >= 8 and all(t in organised for t in teams)
    assert all(g.self_joined for g in demo.groups if g.kind == "affinity-group")
    assert {m.outcome for m in demo.mentorships} == {"ongoing", "completed", "stayed", "became-mentor", "ended-early"}
    assert len(demo.mentorships) >= 50
    assert len({m.person for m in demo.motivations}) >= 300
    assert {m.orientation for m in demo.motivations} == {-2, -1, 0, 1, 2}
    assert len(demo.breaks) >= 5 and any(b.ends_on is None or b.ends_on > TODAY for b in demo.breaks)
    assert len(demo.notes) >= 50 and len(demo.interactions) >= 50


def test_the_logins_have_the_right_people(demo):
    logins = demo.logins
    assert set(logins) == {"steward", "organiser", "mentor", "member"}
    assert len(set(logins.values())) == 4
    assert demo.people[logins["steward"]].kind == "staff"
    teams = {n for n, g in enumerate(demo.groups) if g.kind == "local-team"}
    led = {m.group for m in demo.memberships if m.person == logins["organiser"] and m.role == "organiser"} & teams
    assert led
    assert any(m.person == logins["member"] and m.group in led for m in demo.memberships)
    given = [m for m in demo.mentorships if m.mentor == logins["mentor"]]
    assert len(given) >= 3 and any(m.mentee == logins["member"] and m.outcome == "ongoing" for m in given)
    recently = demo.anchor - dt.timedelta(days=30)
    assert all(demo.people[p].last_seen >= recently for p in logins.values())
