"""Identity resolution against the database: runs after imports, respects people's decisions,
and every merge it makes can be undone exactly."""
import pytest
from django.apps import apps
from django.contrib.auth.models import User

from seedbed.activity.models import Activity
from seedbed.importers.git import import_repository
from seedbed.people import merging
from seedbed.people.models import (
    Identity,
    Interaction,
    KeepApart,
    MergeMethod,
    MergeProposal,
    MergeRecord,
    Note,
    Person,
    PersonKind,
    ProposalStatus,
)
from seedbed.people.services import MergeError, undo_merge

pytestmark = pytest.mark.django_db

BOOKKEEPING = {"people.mergerecord", "people.mergeproposal", "people.keepapart", "people.resolutionkey",
               "core.auditentry"}  # the records that a merge and its undo happened


def whole_state():
    """Every row of every Seedbed table, except the records of merges themselves (and the
    audit log, which keeps that they happened)."""
    state = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model.__module__.startswith("seedbed.") and label not in BOOKKEEPING:
            state[label] = sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))
    return state


def person_of(**identity):
    return Identity.objects.get(**identity).person


def import_signatures(make_repo, *signatures, name="repo"):
    repo = make_repo(name)
    for n, (author, email) in enumerate(signatures):
        repo.commit(f"commit {n}", {f"f{n}.txt": str(n)}, author=(author, email))
    return import_repository(str(repo.path), use_mailmap=False)


def test_an_import_merges_the_safe_cases_and_proposes_the_rest(make_repo):
    result = import_signatures(
        make_repo, ("Jérôme Richard", "jerome@a.org"), ("Jerome Richard", "jr@b.org"),
        ("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"), ("Alice Smith", "devnull@localhost"),
        ("Bob Jones", "devnull@localhost"), ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
    )
    assert result.resolved.merged == 1 and result.resolved.proposed == 1
    assert person_of(email="jerome@a.org") == person_of(email="jr@b.org")
    record = MergeRecord.objects.get()
    assert record.method == MergeMethod.RESOLVER and record.actor_label == merging.RESOLVER_LABEL
    assert record.confidence >= 0.9 and "Jérôme Richard" in record.reason and not record.confirmed
    proposal = MergeProposal.objects.get()
    assert {proposal.person_a, proposal.person_b} == {person_of(email="b.t.ton@saxion.nl"),
                                                      person_of(email="bram@cbbg.nl")}
    assert proposal.reasons and 0.5 <= proposal.confidence < 0.9
    assert person_of(name="Alice Smith") != person_of(name="Bob Jones")
    assert person_of(name="dependabot[bot]").kind == PersonKind.BOT


def test_later_imports_resolve_new_identities_against_everyone(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@home.org"), name="one")
    result = import_signatures(make_repo, ("Jane Doe", "jdoe@work.com"), ("Ada Lovelace", "ada@x.org"), name="two")
    assert result.resolved.identities == 2  # the new Jane and Ada (the committer is known already)
    assert person_of(email="jane@home.org") == person_of(email="jdoe@work.com")
    assert person_of(email="ada@x.org") == person_of(email="ada@analytical.org")  # the committer, same name


def test_a_rejected_proposal_never_returns(make_repo):
    import_signatures(make_repo, ("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"), name="one")
    steward = User.objects.create(username="steward")
    proposal = MergeProposal.objects.get()
    merging.reject_proposal(proposal.pk, actor=steward)
    assert MergeProposal.objects.get().status == ProposalStatus.REJECTED
    apart = KeepApart.objects.get()
    assert apart.actor == steward and apart.reason == "rejected"
    # a new identity that would join them again: Bram once more, at a third address
    import_signatures(make_repo, ("Bram", "bram@cbbg.nl"), ("Bram", "b.t.ton@saxion.nl"), name="two")
    merging.run_resolver(None)  # even a full re-run
    assert MergeProposal.objects.count() == 1
    assert person_of(email="b.t.ton@saxion.nl") != person_of(email="bram@cbbg.nl")
    with pytest.raises(MergeError, match="already decided"):
        merging.accept_proposal(proposal.pk)


def test_an_undone_automatic_merge_is_never_redone(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@a.org"), ("Jane Doe", "jane@b.org"))
    undo_merge(MergeRecord.objects.get())
    merging.run_resolver(None)
    assert person_of(email="jane@a.org") != person_of(email="jane@b.org")
    assert MergeRecord.objects.count() == 1 and not MergeProposal.objects.exists()


def test_a_confirmed_merge_is_never_split(make_repo):
    import_signatures(make_repo, ("Ann Lee", "ann@a.org"), ("Bob Kay", "bob@b.org"))
    ann, bob = person_of(email="ann@a.org"), person_of(email="bob@b.org")
    proposal = MergeProposal.objects.create(person_a=ann, person_b=bob, confidence=0.6, reasons=["said so"])
    merging.accept_proposal(proposal.pk)
    merging.run_resolver(None)
    assert person_of(email="ann@a.org") == person_of(email="bob@b.org")
    assert MergeRecord.objects.get().confirmed


def test_accepting_merges_with_the_steward_recorded(make_repo):
    import_signatures(make_repo, ("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"))
    steward = User.objects.create(username="steward")
    proposal = MergeProposal.objects.get()
    record = merging.accept_proposal(proposal.pk, actor=steward)
    assert record.actor == steward and record.method == MergeMethod.STEWARD and record.confirmed
    assert record.confidence == proposal.confidence and "Bram" in record.reason
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.merge == record
    assert proposal.decided_by == steward and proposal.decided_at


def test_a_proposal_between_people_merged_since_no_longer_applies(make_repo):
    import_signatures(make_repo, ("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"), ("Eve", "eve@x.org"))
    proposal = MergeProposal.objects.get()
    from seedbed.people.services import merge_people

    merge_people(person_of(email="eve@x.org"), proposal.person_b, method="steward", reason="test")
    assert not merging.pending_proposals().exists()
    assert MergeProposal.objects.get().status == ProposalStatus.SUPERSEDED


def test_a_members_own_word_wins(make_repo):
    import_signatures(make_repo, ("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"))
    merging.reject_proposal(MergeProposal.objects.get().pk)
    bram = person_of(email="bram@cbbg.nl")
    merging.claim_identities(bram, [Identity.objects.get(email="b.t.ton@saxion.nl").pk])
    assert person_of(email="b.t.ton@saxion.nl") == bram
    assert MergeRecord.objects.get().method == MergeMethod.SELF
    assert not KeepApart.objects.exists()  # their word replaced the steward's rejection
    # and saying an identity is not theirs splits even a confirmed merge, for good
    alone = merging.disown_identity(bram, Identity.objects.get(email="b.t.ton@saxion.nl").pk)
    assert person_of(email="b.t.ton@saxion.nl") == alone != bram
    merging.run_resolver(None)
    assert person_of(email="b.t.ton@saxion.nl") != person_of(email="bram@cbbg.nl")
    assert KeepApart.objects.get().reason == "member"
    with pytest.raises(MergeError, match="only identity"):
        merging.disown_identity(alone, Identity.objects.get(email="b.t.ton@saxion.nl").pk)


def test_undo_restores_the_whole_state_exactly(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@a.org"), ("Jane Doe", "jane@b.org"))
    record = MergeRecord.objects.get()
    undo_merge(record)  # back to two people, to attach things to each
    MergeRecord.objects.all().delete()
    KeepApart.objects.all().delete()
    one, two = person_of(email="jane@a.org"), person_of(email="jane@b.org")
    steward = User.objects.create(username="steward")
    for person in (one, two):
        Note.objects.create(person=person, author=steward, body=f"note on {person.pk}")
        Interaction.objects.create(person=person, by=steward, channel="call", topic="hello")
    before = whole_state()
    assert Activity.objects.filter(identity__person=one).exists() and Activity.objects.filter(identity__person=two).exists()

    merging.run_resolver(None)
    record = MergeRecord.objects.get()
    assert Note.objects.filter(person_id=record.survivor_id).count() == 2
    assert whole_state() != before
    undo_merge(record)
    assert whole_state() == before


def test_undo_takes_back_identities_that_joined_through_the_absorbed_persons_address(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@a.org"), ("Jane Doe", "jane@b.org"), name="one")
    record = MergeRecord.objects.get()
    [moved] = record.moved["people.identity"]["person"]
    theirs = Identity.objects.get(pk=moved).email
    import_signatures(make_repo, ("J. Doe", theirs), name="two")  # attaches to the merged person
    later = Identity.objects.get(name="J. Doe")
    assert later.person_id == record.survivor_id
    undo_merge(record)
    later.refresh_from_db()
    assert later.person_id == record.absorbed_id == Identity.objects.get(pk=moved).person_id


def test_resolution_keys_are_stored_for_incremental_runs(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@a.org"))
    jane = Identity.objects.get(email="jane@a.org")
    assert set(jane.resolution_keys.values_list("key", flat=True)) >= {"e:jane@a.org", "n:doe jane"}
    merging.run_resolver([jane.pk])  # re-running changes nothing
    assert jane.resolution_keys.count() == len(set(jane.resolution_keys.values_list("key", flat=True)))


def test_merges_a_person_decided_and_every_undo_are_audited(make_repo):
    import_signatures(make_repo, ("Jane Doe", "jane@a.org"), ("Jane Doe", "jane@b.org"), ("Bram", "b.t.ton@saxion.nl"),
                      ("Bram", "bram@cbbg.nl"))
    from seedbed.core.models import AuditAction, AuditEntry

    assert not AuditEntry.objects.exists()  # identity resolution's own merge is in MergeRecord only
    steward = User.objects.create(username="steward")
    record = merging.accept_proposal(MergeProposal.objects.get().pk, actor=steward)
    undo_merge(record, actor=steward)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", "actor__username", "person_id"))
    assert actions == [(AuditAction.MERGED, "steward", record.survivor_id), (AuditAction.UNMERGED, "steward", record.survivor_id)]
