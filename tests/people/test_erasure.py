"""Erasure: everything about the person goes, their activity stays with one anonymous
contributor, and no later import brings them back."""
import pytest
from django.contrib.auth.models import User

from seedbed.activity.models import Activity
from seedbed.core.models import AuditAction, AuditEntry
from seedbed.importers.git import import_repository
from seedbed.people import notes
from seedbed.people.erasure import ERASED_NAME, ErasureError, erase
from seedbed.people.models import (
    Identity, Interaction, KeepApart, MergeProposal, MergeRecord, Motivation, Note, Person, PersonKind, Suppression,
)

pytestmark = pytest.mark.django_db

JANE = ("Jane Doe", "jane@a.org")
JANE_AGAIN = ("Jane Doe", "jane@b.org")  # merged into Jane by identity resolution
BOB = ("Bob Kay", "bob@c.org")


def commit_as(repo, n, author):
    repo.commit(f"commit {n}", {f"f{n}.txt": str(n)}, author=author)


@pytest.fixture
def world(make_repo):
    repo = make_repo("repo")
    for n, author in enumerate([JANE, JANE_AGAIN, BOB, JANE]):
        commit_as(repo, n, author)
    import_repository(str(repo.path), use_mailmap=False)
    jane = Identity.objects.get(email="jane@a.org").person
    steward = User.objects.create_user("steward")
    jane.user = User.objects.create_user("jane")
    jane.save()
    notes.add_note(jane, steward, "private worry about Jane")
    notes.add_interaction(jane, steward, channel="call", topic="a call with Jane")
    Motivation.objects.create(person=jane, motive="learn", importance=4)
    AuditEntry.objects.create(actor=jane.user, actor_label="jane", action=AuditAction.EXPORTED, person=jane)
    return repo, jane, steward


def test_erasure_removes_the_person_and_keeps_their_activity_anonymously(world):
    repo, jane, steward = world
    total = Activity.objects.count()
    assert MergeRecord.objects.filter(survivor=jane).exists()

    result = erase(jane, actor=jane.user)

    assert (result.people, result.identities, result.activities_kept) == (2, 2, 3)
    assert Activity.objects.count() == total  # counts and history hold
    erased = Person.objects.get(kind=PersonKind.ERASED)
    assert erased.display_name == ERASED_NAME and Activity.objects.filter(identity__person=erased).count() == 3
    assert not erased.identities.exclude(email="", name="", username="").exists()  # no identity data there
    for model in (Note, Interaction, Motivation, MergeRecord, MergeProposal):
        assert not model.objects.exists(), model
    assert not Identity.objects.filter(email__startswith="jane").exists()
    assert not Person.objects.filter(display_name="Jane Doe").exists()
    assert not User.objects.filter(username="jane").exists()
    assert Identity.objects.filter(email="bob@c.org").exists()  # nobody else is touched


def test_erasure_is_audited_without_the_erased_data(world):
    repo, jane, steward = world
    erase(jane, actor=steward)
    entry = AuditEntry.objects.get(action=AuditAction.ERASED)
    assert entry.actor == steward and entry.person is None
    assert "2 identities erased, 3 activities kept" in entry.detail
    everything = " ".join(f"{e.actor_label} {e.detail}" for e in AuditEntry.objects.all())
    assert "jane" not in everything.lower() and "Doe" not in everything
    assert Suppression.objects.count() >= 4 and not Suppression.objects.filter(key_hash__icontains="jane").exists()


def test_a_reimport_never_brings_them_back_and_new_work_stays_anonymous(world):
    repo, jane, steward = world
    erase(jane, actor=jane.user)
    people, identities = Person.objects.count(), Identity.objects.count()
    import_repository(str(repo.path), use_mailmap=False)  # again: nothing changes
    assert (Person.objects.count(), Identity.objects.count()) == (people, identities)

    commit_as(repo, 10, JANE)
    commit_as(repo, 11, ("J. Doe", "jane@b.org"))  # a new spelling, the same erased address
    commit_as(repo, 12, ("Someone New", "new@d.org"))
    import_repository(str(repo.path), use_mailmap=False)
    erased = Person.objects.get(kind=PersonKind.ERASED)
    assert Activity.objects.filter(identity__person=erased).count() == 5
    assert not Identity.objects.filter(email__in=["jane@a.org", "jane@b.org"]).exists()
    assert Identity.objects.filter(email="new@d.org").exists()


def test_shared_placeholder_addresses_are_not_suppressed(make_repo):
    repo = make_repo("repo")
    commit_as(repo, 0, ("Jane Doe", "devnull@localhost"))
    import_repository(str(repo.path), use_mailmap=False)
    erase(Identity.objects.get(name="Jane Doe").person)
    commit_as(repo, 1, ("Bob Kay", "devnull@localhost"))
    import_repository(str(repo.path), use_mailmap=False)
    assert Identity.objects.filter(name="Bob Kay").exists()  # a stranger on the same placeholder stays himself


def test_keep_apart_records_forget_the_erased_identities(world):
    repo, jane, steward = world
    bob_ids = list(Identity.objects.filter(email="bob@c.org").values_list("pk", flat=True))
    jane_ids = list(jane.identities.values_list("pk", flat=True))
    KeepApart.objects.create(identities_a=jane_ids, identities_b=bob_ids, reason="rejected")
    erase(jane)
    assert not KeepApart.objects.exists()


def test_what_cannot_be_erased_says_why(world):
    repo, jane, steward = world
    absorbed = Person.objects.get(merged_into=jane)
    with pytest.raises(ErasureError, match="merged into"):
        erase(absorbed)
    erase(jane)
    with pytest.raises(ErasureError, match="erased contributor itself"):
        erase(Person.objects.get(kind=PersonKind.ERASED))
