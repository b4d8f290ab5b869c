"""The steward's merge review: the queue of proposals, the merge history, and the admin's actions.

Proposals come from the real resolver (``run_resolver``) wherever it proposes what a test
needs; only pagination makes rows directly.
"""
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from seedbed.people import merging
from seedbed.people.models import (
    ApartReason,
    Identity,
    KeepApart,
    MergeMethod,
    MergeProposal,
    MergeRecord,
    Person,
    ProposalStatus,
    ResolutionKey,
)
from seedbed.people.services import merge_people
from seedbed.people.templatetags.merge_review import likelihood, percent

pytestmark = pytest.mark.django_db

QUEUE = reverse("people:merges")
HISTORY = reverse("people:merge_history")
HTMX = {"HX-Request": "true"}
EMAILS = ["b.t.ton@saxion.nl", "bram@cbbg.nl", "maria@uni.edu", "mgl@corp.com", "sam@x.org", "sam@y.org"]


def decide(pk: int, action: str) -> str:
    return reverse("people:merge_decide", args=[pk, action])


def undo(record) -> str:
    return reverse("people:merge_undo", args=[record.pk])


def someone(name: str, email: str, *, source_kind: str = "git", username: str = "") -> Person:
    person = Person.objects.create(display_name=name)
    Identity.objects.create(person=person, source_kind=source_kind, key=f"{name} <{email}>", name=name, email=email,
                            username=username, email_key=email.lower())
    return person


@pytest.fixture
def proposals(db, make_activity):
    """Three proposals from the resolver (two people named Bram, two named Sam, Maria Garcia and
    María García-López), each side with its own person; nothing merged."""
    maria = someone("Maria Garcia", "maria@uni.edu")
    someone("María García-López", "mgl@corp.com")
    bram = someone("Bram", "b.t.ton@saxion.nl")
    someone("Bram", "bram@cbbg.nl", source_kind="github", username="bramt")
    someone("Sam", "sam@x.org")
    someone("Sam", "sam@y.org")
    make_activity(bram.identities.get(), channel="saxion/course", days_ago=30)
    make_activity(bram.identities.get(), channel="saxion/course", days_ago=3)
    make_activity(maria.identities.get(), channel="docs", days_ago=10)
    run = merging.run_resolver()
    assert (run.proposed, run.merged) == (3, 0)
    by_name = {p.person_a.display_name: p for p in MergeProposal.objects.select_related("person_a", "person_b")}
    return by_name["Maria Garcia"], by_name["Bram"], by_name["Sam"]


def cards(html: str) -> list[str]:
    """Ids of the proposal cards, in page order."""
    import re

    return re.findall(r'<article class="proposal-card[^"]*" id="(proposal-\d+)"', html)


# --- the queue ---------------------------------------------------------------------------


def test_steward_sees_both_sides_reasons_and_confidence(steward_client, proposals):
    maria, bram, sam = proposals
    response = steward_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Maria Garcia", "María García-López", "Bram", "Sam", *EMAILS, "bramt", "github",
                 "saxion/course", "docs"]:
        assert text in html, text
    for p in (maria, bram, sam):
        for reason in p.reasons:
            assert reason in html
        assert f"<strong>{round(p.confidence * 100)}%</strong> {likelihood(p.confidence)}</p>" in html
    strongest_first = sorted((maria, bram, sam), key=lambda p: (-p.confidence, p.pk))
    assert cards(html) == [f"proposal-{p.pk}" for p in strongest_first]
    for p in (maria, bram, sam):
        assert f'href="{reverse("people:detail", args=[p.person_a_id])}"' in html
        assert f'href="{reverse("people:detail", args=[p.person_b_id])}"' in html
        for action in ("accept", "reject", "unsure"):
            assert f'hx-post="{decide(p.pk, action)}"' in html
        assert f'hx-target="#proposal-{p.pk}"' in html
    assert 'hx-swap="outerHTML"' in html and 'name="csrfmiddlewaretoken"' in html
    assert "Accept (merge)" in html and "Reject (keep apart)" in html and "Not sure" in html
    assert "hx-swap-oob" not in html and html.count('id="nav-merge-count"') == 1


def test_it_shows_activity_span_and_count_per_side(steward_client, proposals):
    _, bram, _ = proposals
    response = steward_client.get(QUEUE)
    card = next(c for c in response.context["open_cards"] if c["proposal"] == bram)
    assert card["sides"]["a"]["activities"] == 2 and card["sides"]["a"]["channels"] == ["saxion/course"]
    assert card["sides"]["b"]["activities"] == 0


@pytest.mark.parametrize("confidence, text", [(0.89, ("89%", "likely")), (0.7, ("70%", "likely")),
                                              (0.69, ("69%", "possible")), (0.5, ("50%", "possible"))])
def test_confidence_reads_as_a_percentage_and_a_word(confidence, text):
    assert (percent(confidence), likelihood(confidence)) == text


def test_not_sure_comes_after_the_open_ones(steward_client, proposals, alice):
    maria, bram, sam = proposals
    MergeProposal.objects.filter(pk=maria.pk).update(confidence=0.89)  # the most likely, but not sure
    merging.mark_unsure(maria.pk, actor=alice)
    html = steward_client.get(QUEUE).content.decode()
    assert cards(html)[-1] == f"proposal-{maria.pk}"
    open_part, unsure_part = html.split('id="unsure-proposals"')
    assert "Maria Garcia" not in open_part and "Maria Garcia" in unsure_part
    assert "Marked not sure by alice" in unsure_part
    assert f'hx-post="{decide(maria.pk, "unsure")}"' not in html  # already not sure: no third button


def test_decided_and_superseded_proposals_leave_the_queue(steward_client, proposals, alice):
    maria, bram, sam = proposals
    merging.accept_proposal(maria.pk, actor=alice)
    merging.reject_proposal(bram.pk, actor=alice)
    assert cards(steward_client.get(QUEUE).content.decode()) == [f"proposal-{sam.pk}"]


def test_an_empty_queue_says_so(steward_client, db):
    assert "Nothing waits for review" in steward_client.get(QUEUE).content.decode()


def test_it_pages_by_twenty_five(steward_client, db):
    people = Person.objects.bulk_create(Person(display_name=f"P{i:02d}") for i in range(60))
    MergeProposal.objects.bulk_create(
        MergeProposal(person_a=people[2 * i], person_b=people[2 * i + 1], confidence=0.5 + i / 100,
                      reasons=[f"reason {i}"])
        for i in range(30)
    )
    first = steward_client.get(QUEUE).content.decode()
    assert len(cards(first)) == 25 and "Page 1 of 2" in first and "reason 29" in first
    second = steward_client.get(QUEUE, {"page": 2}).content.decode()
    assert len(cards(second)) == 5 and "reason 0" in second and "reason 29" not in second


def test_a_page_costs_the_same_queries_however_many_proposals(steward_client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(n):
        MergeProposal.objects.all().delete()
        people = Person.objects.bulk_create(Person(display_name=f"Q{n}-{i}") for i in range(2 * n))
        MergeProposal.objects.bulk_create(
            MergeProposal(person_a=people[2 * i], person_b=people[2 * i + 1], confidence=0.6, reasons=["r"])
            for i in range(n)
        )
        with CaptureQueriesContext(connection) as captured:
            assert steward_client.get(QUEUE).status_code == 200
        return len(captured)

    assert queries_for(2) == queries_for(20)


# --- who may see and do it ---------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, proposals):
    maria, _, _ = proposals
    record = merge_people(Person.objects.get(display_name="Sam", identities__email="sam@x.org"),
                          Person.objects.get(display_name="Sam", identities__email="sam@y.org"),
                          method=MergeMethod.STEWARD, reason="test")
    for response in (client.get(QUEUE), client.get(HISTORY), client.post(decide(maria.pk, "accept")),
                     client.post(undo(record))):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")
    maria.refresh_from_db()
    record.refresh_from_db()
    assert maria.status == ProposalStatus.OPEN and record.undone_at is None


def test_members_get_403_and_see_no_identities(client, bob, proposals):
    maria, _, _ = proposals
    record = merge_people(maria.person_a, maria.person_b, method=MergeMethod.STEWARD, reason="test")
    client.force_login(bob)
    responses = [client.get(QUEUE), client.get(HISTORY), client.post(decide(maria.pk, "reject")),
                 client.post(undo(record)), client.post(decide(maria.pk, "unsure"), headers=HTMX)]
    for response in responses:
        assert response.status_code == 403
        html = response.content.decode()
        assert "for community stewards" in html
        for email in EMAILS:
            assert email not in html
        assert "Maria Garcia" not in html and f'href="{QUEUE}"' not in html
    record.refresh_from_db()
    assert record.undone_at is None and not KeepApart.objects.exists()


def test_django_staff_may_review(client, sam, proposals):
    client.force_login(sam)
    assert client.get(QUEUE).status_code == 200 and client.get(HISTORY).status_code == 200


def test_actions_are_post_only(steward_client, proposals):
    maria, _, _ = proposals
    assert steward_client.get(decide(maria.pk, "accept")).status_code == 405
    maria.refresh_from_db()
    assert maria.status == ProposalStatus.OPEN
    assert steward_client.post(decide(maria.pk, "explode")).status_code == 404


def test_the_navigation_links_stewards_to_the_queue_with_a_count(steward_client, client, bob, proposals):
    html = steward_client.get(reverse("people:directory")).content.decode()
    assert f'href="{QUEUE}"' in html and 'class="nav-count"' in html and ">3<" in html
    queue_page = steward_client.get(QUEUE).content.decode()
    assert f'<a href="{QUEUE}" aria-current="page">Merges' in queue_page
    client.force_login(bob)
    assert f'href="{QUEUE}"' not in client.get(reverse("login")).content.decode()


def test_the_count_costs_one_query(rf, alice, proposals, django_assert_num_queries):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = alice
    alice._seedbed_is_steward = True  # as after the page's own access check
    template = Template("{% load merge_review %}{% pending_merges as n %}{{ n }}")
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "3"


# --- deciding, with htmx and without -----------------------------------------------------


def test_accept_with_htmx_merges_and_returns_only_the_card(steward_client, alice, proposals):
    maria, _, _ = proposals
    response = steward_client.post(decide(maria.pk, "accept"), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode().strip()
    assert html.startswith(f'<article class="proposal-card proposal-done" id="proposal-{maria.pk}"')
    assert "<html" not in html and "<nav" not in html
    assert "Merged into" in html and "Maria Garcia" in html and "undo in" in html
    record = MergeRecord.objects.get()
    assert (record.survivor_id, record.absorbed_id) == (maria.person_a_id, maria.person_b_id)
    assert record.actor == alice and record.method == MergeMethod.STEWARD and record.confirmed
    assert f'href="{HISTORY}#merge-{record.pk}"' in html
    maria.refresh_from_db()
    assert maria.status == ProposalStatus.ACCEPTED and maria.decided_by == alice and maria.merge == record
    assert Person.objects.get(pk=maria.person_b_id).merged_into_id == maria.person_a_id
    # the waiting counts (navigation and queue) follow out of band: Bram and Sam are left
    assert '<span id="nav-merge-count" hx-swap-oob="true">' in html and ">2<" in html
    assert '<span id="queue-count" hx-swap-oob="true">2 proposals</span>' in html


def test_reject_with_htmx_keeps_them_apart(steward_client, alice, proposals):
    _, bram, _ = proposals
    html = steward_client.post(decide(bram.pk, "reject"), headers=HTMX).content.decode()
    assert "Kept apart" in html and "<html" not in html
    apart = KeepApart.objects.get()
    assert apart.reason == ApartReason.REJECTED and apart.actor == alice
    assert apart.identities_a == list(bram.person_a.identities.values_list("id", flat=True))
    assert apart.identities_b == list(bram.person_b.identities.values_list("id", flat=True))
    bram.refresh_from_db()
    assert bram.status == ProposalStatus.REJECTED and not MergeRecord.objects.exists()
    merging.run_resolver()  # and the resolver never proposes them again
    assert MergeProposal.objects.filter(status__in=merging.PENDING).count() == 2


def test_not_sure_with_htmx(steward_client, alice, proposals):
    _, _, sam = proposals
    html = steward_client.post(decide(sam.pk, "unsure"), headers=HTMX).content.decode()
    assert "Marked not sure" in html and "<html" not in html
    sam.refresh_from_db()
    assert sam.status == ProposalStatus.UNSURE and sam.decided_by == alice


def test_without_javascript_each_action_redirects_back_with_a_message(steward_client, alice, proposals):
    maria, bram, sam = proposals
    for proposal, action, message in [(maria, "accept", "Merged into Maria Garcia"), (bram, "reject", "Kept apart"),
                                      (sam, "unsure", "Marked not sure")]:
        response = steward_client.post(decide(proposal.pk, action))
        assert response.status_code == 302 and response["Location"] == QUEUE
        page = steward_client.get(response["Location"]).content.decode()
        assert message in page, action
    assert MergeRecord.objects.get().actor == alice and KeepApart.objects.get().actor == alice


def test_without_javascript_it_returns_to_the_same_page(steward_client, proposals):
    maria, _, _ = proposals
    response = steward_client.post(decide(maria.pk, "unsure"), {"page": "2"})
    assert response["Location"] == QUEUE + "?page=2"
    response = steward_client.post(decide(maria.pk, "accept"), {"page": "https://evil.example/"})
    assert response["Location"] == QUEUE


def test_an_already_decided_proposal_shows_the_error(steward_client, alice, proposals):
    maria, _, _ = proposals
    merging.reject_proposal(maria.pk, actor=alice)
    response = steward_client.post(decide(maria.pk, "accept"), headers=HTMX)
    assert response.status_code == 200  # htmx swaps only 2xx responses by default
    html = response.content.decode()
    assert f'id="proposal-{maria.pk}"' in html and 'role="alert"' in html
    assert "Could not merge <a" in html and "María García-López</a>" in html
    assert f": merge proposal {maria.pk} was already decided (rejected)" in html
    assert not MergeRecord.objects.exists()
    page = steward_client.post(decide(maria.pk, "unsure"), follow=True).content.decode()
    assert f"Could not mark as not sure: merge proposal {maria.pk} was already decided (rejected)" in page
    assert 'class="message error"' in page


def test_a_proposal_whose_person_was_merged_since_no_longer_applies(steward_client, alice, proposals):
    _, bram, _ = proposals
    third = someone("Bram T.", "bram@elsewhere.org")
    other = MergeProposal.objects.create(person_a=bram.person_b, person_b=third, confidence=0.7, reasons=["test"])
    steward_client.post(decide(bram.pk, "accept"), headers=HTMX)  # Bram b is merged into Bram a
    html = steward_client.post(decide(other.pk, "accept"), headers=HTMX).content.decode()
    assert "Could not merge" in html and "Bram T." in html
    assert f"merge proposal {other.pk} was already decided (no longer applies)" in html
    assert MergeRecord.objects.count() == 1


def test_a_missing_proposal_is_an_error_not_a_crash(steward_client, db):
    html = steward_client.post(decide(999, "reject"), headers=HTMX).content.decode()
    assert "there is no merge proposal 999" in html


# --- history and undo --------------------------------------------------------------------


@pytest.fixture
def merged(proposals, alice):
    """Maria accepted by Alice (a steward's merge), Sam merged by the importer."""
    maria, bram, sam = proposals
    by_alice = merging.accept_proposal(maria.pk, actor=alice)
    by_importer = merge_people(sam.person_a, sam.person_b, method=MergeMethod.SAME_EMAIL, reason="both used sam@",
                               confidence=0.97, actor_label="git importer")
    return by_alice, by_importer


def test_history_lists_merges_newest_first(steward_client, merged):
    by_alice, by_importer = merged
    response = steward_client.get(HISTORY)
    html = response.content.decode()
    assert list(response.context["page"].object_list) == [by_importer, by_alice]
    for text in ["A steward", "alice", "Same personal e-mail address", "git importer", "97%", percent(by_alice.confidence),
                 "accepted proposal", "both used sam@", "confirmed", "unconfirmed", "Maria Garcia",
                 "María García-López", f'hx-post="{undo(by_alice)}"', f'hx-target="#merge-{by_alice.pk}"']:
        assert text in html, text


def test_undo_with_htmx_returns_the_row(steward_client, alice, merged):
    by_alice, _ = merged
    response = steward_client.post(undo(by_alice), headers=HTMX)
    html = response.content.decode().strip()
    assert response.status_code == 200
    assert html.startswith(f'<tr id="merge-{by_alice.pk}" class="undone') and "<html" not in html
    assert "Undone: two people again" in html and "undone" in html and "by alice" in html
    assert f'hx-post="{undo(by_alice)}"' not in html  # no second undo
    by_alice.refresh_from_db()
    assert by_alice.undone_at is not None and by_alice.undone_by == alice
    assert Person.objects.get(pk=by_alice.absorbed_id).merged_into_id is None
    assert KeepApart.objects.get(reason=ApartReason.UNDONE).actor == alice


def test_undo_without_javascript_redirects_to_history(steward_client, merged):
    _, by_importer = merged
    response = steward_client.post(undo(by_importer))
    assert response.status_code == 302 and response["Location"] == HISTORY
    page = steward_client.get(HISTORY).content.decode()
    assert "Undone: Sam and Sam are two people again" in page
    by_importer.refresh_from_db()
    assert by_importer.undone_at is not None


def test_undo_shows_why_it_cannot(steward_client, alice, merged):
    by_alice, _ = merged
    survivor = Person.objects.get(pk=by_alice.survivor_id)
    later = merge_people(someone("Maria G.", "mg@x.org"), survivor, method=MergeMethod.STEWARD, reason="same",
                         actor=alice)
    html = steward_client.post(undo(by_alice), headers=HTMX).content.decode()
    assert f"Could not undo: undo merge {later.pk} first" in html and 'role="alert"' in html
    assert f'hx-post="{undo(by_alice)}"' in html  # still undoable, once the later one is undone
    by_alice.refresh_from_db()
    assert by_alice.undone_at is None
    steward_client.post(undo(later), headers=HTMX)
    steward_client.post(undo(by_alice), headers=HTMX)
    by_alice.refresh_from_db()
    assert by_alice.undone_at is not None
    again = steward_client.post(undo(by_alice), headers=HTMX).content.decode()
    assert f"Could not undo: merge {by_alice.pk} was already undone" in again


def test_undo_of_a_missing_merge_is_404(steward_client, db):
    assert steward_client.post(reverse("people:merge_undo", args=[999])).status_code == 404


# --- the admin -----------------------------------------------------------------------------


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", "root@example.org", "pw-not-used")


@pytest.fixture
def admin_client(client, root):
    client.force_login(root)
    return client


def admin_action(admin_client, model: str, action: str, objects):
    url = reverse(f"admin:people_{model}_changelist")
    return admin_client.post(url, {"action": action, "_selected_action": [o.pk for o in objects]}, follow=True)


def test_admin_accepts_rejects_and_marks_unsure(admin_client, root, proposals):
    maria, bram, sam = proposals
    page = admin_client.get(reverse("admin:people_mergeproposal_changelist")).content.decode()
    for text in ("Accept selected proposals", "Reject selected proposals", "Mark not sure", "Maria Garcia"):
        assert text in page
    response = admin_action(admin_client, "mergeproposal", "accept_proposals", [maria])
    assert "Proposals accepted (merged): 1." in response.content.decode()
    assert MergeRecord.objects.get().actor == root
    admin_action(admin_client, "mergeproposal", "reject_proposals", [bram])
    assert KeepApart.objects.get().actor == root
    admin_action(admin_client, "mergeproposal", "mark_unsure", [sam])
    sam.refresh_from_db()
    assert sam.status == ProposalStatus.UNSURE and sam.decided_by == root


def test_admin_reports_each_error_and_still_does_the_rest(admin_client, alice, proposals):
    maria, bram, _ = proposals
    merging.reject_proposal(maria.pk, actor=alice)
    html = admin_action(admin_client, "mergeproposal", "accept_proposals", [maria, bram]).content.decode()
    assert "Proposals accepted (merged): 1." in html
    assert f"Merge proposal {maria.pk} was already decided (rejected)." in html
    bram.refresh_from_db()
    assert bram.status == ProposalStatus.ACCEPTED


def test_admin_undoes_merges_newest_first(admin_client, root, merged):
    by_alice, by_importer = merged
    survivor = Person.objects.get(pk=by_alice.survivor_id)
    later = merge_people(someone("Maria G.", "mg@x.org"), survivor, method=MergeMethod.STEWARD, reason="same")
    html = admin_action(admin_client, "mergerecord", "undo_merges", [by_alice, later]).content.decode()
    assert "Merges undone: 2." in html
    assert MergeRecord.objects.filter(undone_at__isnull=False, undone_by=root).count() == 2
    html = admin_action(admin_client, "mergerecord", "undo_merges", [by_alice, by_importer]).content.decode()
    assert "Merges undone: 1." in html and f"Merge {by_alice.pk} was already undone." in html


def test_admin_lists_keep_apart_and_resolution_keys_read_only(admin_client, alice, proposals):
    _, bram, _ = proposals
    merging.reject_proposal(bram.pk, actor=alice)
    assert "A steward rejected the merge" in admin_client.get(
        reverse("admin:people_keepapart_changelist")).content.decode()
    key = ResolutionKey.objects.select_related("identity").first()
    html = admin_client.get(reverse("admin:people_resolutionkey_changelist"), {"q": key.key}).content.decode()
    assert key.key in html
    for model in ("keepapart", "resolutionkey", "mergeproposal"):
        assert admin_client.get(reverse(f"admin:people_{model}_add")).status_code == 403
    apart = KeepApart.objects.get()
    assert admin_client.post(reverse("admin:people_keepapart_delete", args=[apart.pk]), {"post": "yes"}).status_code == 403
    assert KeepApart.objects.exists()
