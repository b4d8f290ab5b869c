"""suggest_highlights over a tiny community in the database: which signals make which
highlights, and that re-running, dismissing and confirming behave."""
import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User

from seedbed.mentoring.models import Mentorship
from seedbed.people.models import PersonKind
from seedbed.recognition.models import Highlight, HighlightStatus
from seedbed.recognition.periods import Period
from seedbed.recognition.services import dismiss_highlight, nominate
from seedbed.recognition.suggesting import suggest_highlights
from tests.recognition.builders import MARCH, act, at, person

pytestmark = pytest.mark.django_db

EXPECTED_KINDS = {"merged-after-review", "review", "accepted-answer", "support", "first-contribution",
                  "mentee-milestone", "translation-completed", "event-organised"}


def regular(name: str, **kw):
    """A person who already contributed long before the period (so no 'first contribution')."""
    p = person(name, **kw)
    act(p, "commit", at(6, 1, year=2025))
    return p


def post(who, when, body, *, thread, parent=None, kind="post", title=""):
    return act(who, kind, when, platform="discourse", contribution_type="support", thread_key=thread,
               parent=parent, body=body, title=title)


@pytest.fixture
def community():
    c = SimpleNamespace()
    # a pull request merged after another person's review that asked for changes
    c.ann, c.bob = regular("Ann Author"), regular("Bob Reviewer")
    c.pr = act(c.ann, "pull-request", at(3, 5), merged=True, title="Faster start-up", channel="seedbed/app")
    c.review = act(c.bob, "review", at(3, 4), contribution_type="review", parent=c.pr,
                   extra={"state": "CHANGES_REQUESTED"})
    # an accepted forum answer
    c.cy, c.dee = regular("Cy Answerer"), regular("Dee Asker")
    question = post(c.dee, at(3, 6), "How do I install it on Windows?", thread="t1", kind="topic",
                    title="Installing on Windows")
    c.answer = act(c.cy, "answer", at(3, 7), platform="discourse", contribution_type="question", thread_key="t1",
                   parent=question, accepted=True, body="Use the installer from the downloads page.")
    # help that worked: the asker thanks the helper's reply
    c.eve, c.fay = regular("Eve Asker"), regular("Fay Helper", username="helper")
    topic = post(c.eve, at(3, 8, 9), "My build fails with error X. Any ideas?", thread="t2", kind="topic",
                 title="Build fails on macOS")
    c.help = post(c.fay, at(3, 8, 10), "Try clearing the cache with make clean.", thread="t2", parent=topic)
    c.thanks = post(c.eve, at(3, 8, 11), "Thanks @helper, that fixed it!", thread="t2", parent=c.help)
    # thank-yous that credit no help
    c.gus, c.hal = regular("Gus Curious"), regular("Hal Maybe")
    opener = post(c.gus, at(3, 9, 9), "Is there a dark mode in the app?", thread="t3", kind="topic",
                  title="Dark mode")
    hint = post(c.hal, at(3, 9, 10), "There is a theme setting somewhere, I think.", thread="t3", parent=opener)
    ask = post(c.gus, at(3, 9, 11), "Where exactly? Thanks in advance", thread="t3", parent=hint)
    offer = post(c.hal, at(3, 9, 12), "Shall I open an issue to document it?", thread="t3", parent=ask)
    post(c.gus, at(3, 9, 13), "No thanks, I will keep looking.", thread="t3", parent=offer)
    # a newcomer's first commit
    c.ivy = person("Ivy Newcomer")
    c.first = act(c.ivy, "commit", at(3, 11), title="Fix a typo in the README", contribution_type="doc")
    # a bot's merged pull request, reviewed by a human: never suggested
    c.bot = person("dependabot[bot]", username="dependabot", kind=PersonKind.BOT, bot=True)
    c.bot_pr = act(c.bot, "pull-request", at(3, 12), merged=True, title="Bump lodash")
    act(c.bob, "review", at(3, 12, 13), contribution_type="review", parent=c.bot_pr,
        extra={"state": "CHANGES_REQUESTED"})
    # a mentee's first merged pull request during a mentorship (no review: no other signal)
    c.kim, c.jo = regular("Kim Mentor"), person("Jo Mentee")
    act(c.jo, "comment", at(1, 20), title="Hello!")
    Mentorship.objects.create(mentor=c.kim, mentee=c.jo, started_on=dt.date(2026, 2, 1))
    c.mentee_pr = act(c.jo, "pull-request", at(3, 14), merged=True, title="Add a --quiet flag")
    # a completed translation and an organised event
    c.lea, c.max = regular("Lea Translator"), regular("Max Organiser")
    c.translation = act(c.lea, "translation", at(3, 16), contribution_type="translation", channel="docs/pt-BR",
                        extra={"completed": True})
    c.event = act(c.max, "event-organising", at(3, 20), contribution_type="eventOrganizing",
                  title="Berlin meetup", size=30)
    return c


def by_kind():
    found = {}
    for h in Highlight.objects.prefetch_related("activities"):
        assert h.kind not in found, f"two {h.kind} highlights"
        found[h.kind] = h
    return found


def test_each_signal_makes_one_highlight_of_its_kind_for_the_right_work(community):
    c = community
    result = suggest_highlights(MARCH)
    found = by_kind()
    assert set(found) == EXPECTED_KINDS
    assert result.created == len(EXPECTED_KINDS) and result.confirmed == 0
    expected = {
        "merged-after-review": (c.ann, [c.pr]), "review": (c.bob, [c.review]),
        "accepted-answer": (c.cy, [c.answer]), "support": (c.fay, [c.help]),
        "first-contribution": (c.ivy, [c.first]), "mentee-milestone": (c.jo, [c.mentee_pr]),
        "translation-completed": (c.lea, [c.translation]), "event-organised": (c.max, [c.event]),
    }
    for kind, (who, activities) in expected.items():
        h = found[kind]
        assert (h.person_id, [a.pk for a in h.activities.all()]) == (who.pk, [a.pk for a in activities]), kind
        assert h.status == HighlightStatus.SUGGESTED and h.why.strip() and h.reason.strip(), kind
        assert h.signal_key == f"{kind}:{activities[0].pk}"
    assert found["mentee-milestone"].mentor_id == c.kim.pk


def test_help_is_credited_to_the_helpers_reply_not_the_thank_you(community):
    c = community
    suggest_highlights(MARCH)
    support = Highlight.objects.get(kind="support")
    assert list(support.activities.values_list("pk", flat=True)) == [c.help.pk]
    assert support.person_id == c.fay.pk and support.occurred_at == c.thanks.occurred_at
    assert "Eve Asker" in support.reason and "that fixed it" in support.reason
    # "Thanks in advance" and "No thanks" credit nobody
    assert not Highlight.objects.filter(person__in=[c.hal, c.gus]).exists()


def test_bots_are_never_suggested(community):
    suggest_highlights(MARCH)
    assert not Highlight.objects.filter(person=community.bot).exists()
    assert not Highlight.objects.filter(activities=community.bot_pr).exists()


def test_names_stay_in_the_reason_not_in_the_why(community):
    suggest_highlights(MARCH)
    merged = Highlight.objects.get(kind="merged-after-review")
    assert "Bob Reviewer" not in merged.why and "Bob" not in merged.why
    assert "Bob Reviewer" in merged.reason


def test_running_again_creates_nothing(community):
    suggest_highlights(MARCH)
    before = sorted(Highlight.objects.values_list("pk", "kind", "status"))
    again = suggest_highlights(MARCH)
    assert (again.created, again.already) == (0, len(EXPECTED_KINDS))
    assert sorted(Highlight.objects.values_list("pk", "kind", "status")) == before


def test_a_dismissed_suggestion_never_comes_back(community):
    suggest_highlights(MARCH)
    dismissed = dismiss_highlight(Highlight.objects.get(kind="first-contribution"), actor_label="a steward")
    Highlight.objects.exclude(pk=dismissed.pk).delete()  # everything else made afresh
    result = suggest_highlights(MARCH)
    assert result.created == len(EXPECTED_KINDS) - 1
    assert Highlight.objects.filter(kind="first-contribution").count() == 1
    assert Highlight.objects.get(kind="first-contribution").status == HighlightStatus.DISMISSED


def test_confirm_confirms_new_and_waiting_suggestions(community):
    result = suggest_highlights(MARCH, confirm=True, actor_label="a script")
    assert result.created == result.confirmed == len(EXPECTED_KINDS)
    assert set(Highlight.objects.values_list("status", "decided_label")) == {(HighlightStatus.CONFIRMED, "a script")}
    assert not Highlight.objects.filter(decided_at__isnull=True).exists()


def test_confirm_on_a_later_run_confirms_what_was_waiting(community):
    suggest_highlights(MARCH)
    result = suggest_highlights(MARCH, confirm=True)
    assert (result.created, result.confirmed) == (0, len(EXPECTED_KINDS))
    assert set(Highlight.objects.values_list("status", flat=True)) == {HighlightStatus.CONFIRMED}


def test_ten_merged_pull_requests_in_a_month_make_one_highlight():
    pat, rev = regular("Pat Prolific"), regular("Rex Reviewer")
    pulls = []
    for day in range(2, 12):
        pr = act(pat, "pull-request", at(3, day), merged=True, title=f"Change {day}")
        act(rev, "review", at(3, day, 9), contribution_type="review", parent=pr, extra={"state": "APPROVED"})
        pulls.append(pr.pk)
    result = suggest_highlights(MARCH)
    [h] = Highlight.objects.filter(person=pat)
    linked = list(h.activities.values_list("pk", flat=True))
    assert h.kind == "merged-after-review" and result.created == 1
    assert sorted(linked) == sorted(pulls)  # the whole month, so none of it is suggested again
    assert "more" not in h.title and "10 such pieces of work" in h.reason  # counts stay with the steward


def test_an_overlapping_period_adds_only_what_the_first_run_left_out():
    pat, rev = regular("Pat Prolific"), regular("Rex Reviewer")
    for day in range(2, 12):
        pr = act(pat, "pull-request", at(3, day), merged=True, title=f"Change {day}")
        act(rev, "review", at(3, day, 9), contribution_type="review", parent=pr, extra={"state": "APPROVED"})
    suggest_highlights(Period(dt.date(2026, 3, 5), dt.date(2026, 3, 7)))
    second = suggest_highlights(MARCH)
    rows = list(Highlight.objects.filter(person=pat, kind="merged-after-review").prefetch_related("activities"))
    assert len(rows) == 2 and second.created == 1
    held = [a.pk for h in rows for a in h.activities.all()]
    assert len(held) == len(set(held))  # no piece of work in two highlights of the same kind
    for h in rows:  # each title names work the highlight holds
        assert h.title in {a.title for a in h.activities.all()}
    assert suggest_highlights(MARCH).created == 0


def test_nominated_work_is_not_suggested_again_under_another_kind():
    ann, bob = regular("Ann Asker"), regular("Bob Answerer")
    topic = act(ann, "topic", at(3, 3), platform="discourse", title="How?", thread_key="t1")
    answer = act(bob, "answer", at(3, 4), platform="discourse", accepted=True, parent=topic, thread_key="t1")
    nominate(answer, User.objects.create_user("carol"), "Best answer of the year.")
    suggest_highlights(MARCH)
    assert list(Highlight.objects.filter(activities=answer).values_list("kind", flat=True)) == ["nomination"]
