"""A steward confirms, edits, dismisses and reopens highlights; members nominate work; highlights
and thanks follow people through merges and survive an erasure."""
import pytest
from django.contrib.auth.models import User

from seedbed.people.erasure import erase
from seedbed.people.models import Identity, Person, PersonKind
from seedbed.people.services import merge_people, undo_merge
from seedbed.recognition import services
from seedbed.recognition.ledger import record_thanks
from seedbed.recognition.models import Highlight, HighlightStatus, Nomination, Thanks
from seedbed.recognition.services import RecognitionError
from tests.recognition.builders import act, at, highlight, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion():
    ann = person("Ann Author")
    pr = act(ann, "pull-request", at(3, 5), merged=True, title="Faster start-up")
    return highlight(ann, pr, status=HighlightStatus.SUGGESTED, why="Reviewed by 1 person and merged.")


@pytest.fixture
def steward():
    return User.objects.create_user("steward")


def test_confirming_with_edits_saves_them_and_who_decided(suggestion, steward):
    services.confirm_highlight(suggestion, actor=steward, title="  Start-up twice as fast ",
                               why="  Every user waits half as long now.  ", contribution_type="infra")
    h = Highlight.objects.get(pk=suggestion.pk)
    assert (h.status, h.title, h.why, h.contribution_type) == (
        HighlightStatus.CONFIRMED, "Start-up twice as fast", "Every user waits half as long now.", "infra")
    assert h.decided_by == steward and h.decided_label == "" and h.decided_at is not None


def test_confirming_without_a_user_names_the_label(suggestion):
    services.confirm_highlight(suggestion, actor_label="command line (ada)")
    h = Highlight.objects.get(pk=suggestion.pk)
    assert (h.decided_by, h.decided_label) == (None, "command line (ada)")
    assert h.why == "Reviewed by 1 person and merged."  # no edit: kept


@pytest.mark.parametrize("edits", [{"why": "   "}, {"why": ""}, {"title": " "}, {"contribution_type": "cake"}])
def test_an_empty_why_or_title_or_unknown_type_is_refused(suggestion, steward, edits):
    with pytest.raises(RecognitionError):
        services.confirm_highlight(suggestion, actor=steward, **edits)
    h = Highlight.objects.get(pk=suggestion.pk)
    assert (h.status, h.why, h.decided_at) == (HighlightStatus.SUGGESTED, "Reviewed by 1 person and merged.", None)


def test_dismiss_then_reopen(suggestion, steward):
    services.dismiss_highlight(suggestion, actor=steward)
    h = Highlight.objects.get(pk=suggestion.pk)
    assert (h.status, h.decided_by) == (HighlightStatus.DISMISSED, steward) and h.decided_at is not None
    services.reopen_highlight(h)
    h = Highlight.objects.get(pk=suggestion.pk)
    assert (h.status, h.decided_at, h.decided_by, h.decided_label) == (HighlightStatus.SUGGESTED, None, None, "")


@pytest.fixture
def talk():
    ann = person("Ann Speaker")
    return act(ann, "talk", at(3, 9), contribution_type="talk", title="Packaging without tears", platform="events")


def test_a_nomination_makes_a_highlight_and_a_second_member_joins_it(talk):
    alice, olga = User.objects.create_user("alice"), User.objects.create_user("olga")
    first = services.nominate(talk, alice, "  Half the room\n started packaging   that week. ")
    assert (first.kind, first.status, first.person_id) == ("nomination", HighlightStatus.SUGGESTED,
                                                           talk.identity.person_id)
    assert list(first.activities.all()) == [talk] and first.title == "Packaging without tears"
    assert first.why == "Half the room started packaging that week."
    second = services.nominate(talk, olga, "Clearest talk of the conference.")
    assert second.pk == first.pk and Highlight.objects.count() == 1
    assert list(Nomination.objects.filter(highlight=first).values_list("by__username", "sentence")) == [
        ("alice", "Half the room started packaging that week."), ("olga", "Clearest talk of the conference.")]
    services.nominate(talk, olga, "Changed my mind: best talk ever.")  # once per member: updated
    assert Nomination.objects.count() == 2
    assert Nomination.objects.get(by=olga).sentence == "Changed my mind: best talk ever."


def test_nominating_work_that_already_has_a_highlight_joins_that_highlight(suggestion):
    alice = User.objects.create_user("alice")
    pr = suggestion.activities.get()
    h = services.nominate(pr, alice, "It made my laptop usable.")
    assert h.pk == suggestion.pk and h.kind == "merged-after-review" and Highlight.objects.count() == 1


def test_nominating_ones_own_work_is_refused(talk):
    me = User.objects.create_user("ann")
    Person.objects.filter(pk=talk.identity.person_id).update(user=me)
    me = User.objects.get(pk=me.pk)
    with pytest.raises(RecognitionError, match="own"):
        services.nominate(talk, me, "I was great.")
    assert not Highlight.objects.exists() and not Nomination.objects.exists()


@pytest.mark.parametrize("sentence", ["", "   \n "])
def test_a_nomination_needs_a_sentence(talk, sentence):
    with pytest.raises(RecognitionError):
        services.nominate(talk, User.objects.create_user("alice"), sentence)
    assert not Highlight.objects.exists()


def test_a_bots_work_cannot_be_nominated():
    bot = person("renovate[bot]", username="renovate", kind=PersonKind.BOT, bot=True)
    pr = act(bot, "pull-request", at(3, 3), merged=True, title="Update dependency x")
    with pytest.raises(RecognitionError, match="cannot be nominated"):
        services.nominate(pr, User.objects.create_user("alice"), "So many updates!")
    assert not Highlight.objects.exists() and not Nomination.objects.exists()


def test_work_of_a_bot_identity_on_a_member_cannot_be_nominated():
    ann = person("Ann Owner")
    ci = Identity.objects.create(person=ann, source_kind="github", source_instance="github.com", key="ann-ci-bot",
                                 username="ann-ci-bot", is_bot=True)
    pr = act(ann, "pull-request", at(3, 3), merged=True, title="Nightly lockfile refresh", identity=ci)
    with pytest.raises(RecognitionError):
        services.nominate(pr, User.objects.create_user("alice"), "So many updates!")


@pytest.fixture
def recognised_pair():
    ann, bea = person("Ann Lee"), person("Ann L.", username="annl")
    mentee = person("Mo Mentee")
    work = act(bea, "pull-request", at(3, 5), merged=True, title="Faster start-up")
    h = highlight(bea, work)
    milestone = highlight(mentee, act(mentee, "pull-request", at(3, 6), merged=True), kind="mentee-milestone",
                          mentor=bea)
    t = record_thanks(bea, "personal-message", highlights=[h], note="thanked at the meetup")
    return ann, bea, h, milestone, t


def test_merging_moves_highlights_and_thanks_and_undo_moves_them_back(recognised_pair):
    ann, bea, h, milestone, t = recognised_pair
    record = merge_people(ann, bea, method="steward", reason="same person")
    assert Highlight.objects.get(pk=h.pk).person_id == ann.pk
    assert Highlight.objects.get(pk=milestone.pk).mentor_id == ann.pk
    assert Thanks.objects.get(pk=t.pk).person_id == ann.pk
    undo_merge(record)
    assert Highlight.objects.get(pk=h.pk).person_id == bea.pk
    assert Highlight.objects.get(pk=milestone.pk).mentor_id == bea.pk
    assert Thanks.objects.get(pk=t.pk).person_id == bea.pk


def test_erasure_keeps_highlights_and_thanks_credited_to_the_erased_contributor(recognised_pair):
    ann, bea, h, milestone, t = recognised_pair
    erase(bea, actor_label="test")
    erased = Person.objects.get(kind=PersonKind.ERASED)
    h, t = Highlight.objects.get(pk=h.pk), Thanks.objects.get(pk=t.pk)
    assert h.person_id == erased.pk and h.activities.count() == 1
    assert (t.person_id, t.note, t.kind) == (erased.pk, "", "personal-message")
    assert list(t.highlights.all()) == [h]
    assert not Person.objects.filter(display_name="Ann L.").exists()


def test_erasing_a_reviewer_removes_their_name_from_other_peoples_highlights():
    from seedbed.recognition.suggesting import suggest_highlights
    from tests.recognition.builders import MARCH

    ann, bob = person("Ann Author"), person("Bob Reviewer")
    for p in (ann, bob):
        act(p, "commit", at(6, 1, year=2025))
    pr = act(ann, "pull-request", at(3, 5), merged=True, title="Faster start-up")
    act(bob, "review", at(3, 4), contribution_type="review", parent=pr, extra={"state": "APPROVED"})
    suggest_highlights(MARCH)
    assert "Bob Reviewer" in Highlight.objects.get(person=ann).reason
    erase(bob, actor_label="test")
    texts = Highlight.objects.values_list("title", "why", "reason")
    assert not any("Bob Reviewer" in text for row in texts for text in row)


def test_work_recognised_after_a_merge_goes_back_with_its_author_on_undo():
    ann, ann2 = person("Ann Author", consent=True), person("Ann A.", username="ann2")
    record = merge_people(ann, ann2, method="steward", reason="same person")
    theirs = act(ann, "pull-request", at(3, 5), merged=True, identity=Identity.objects.get(key="ann2"))  # ann2's account
    h = highlight(ann, theirs)  # made while merged: credits the survivor
    thanks = Thanks.objects.create(person=ann, kind="personal-message")
    thanks.highlights.add(h)
    undo_merge(record)
    h.refresh_from_db()
    thanks.refresh_from_db()
    assert (h.person_id, thanks.person_id) == (ann2.pk, ann2.pk)
