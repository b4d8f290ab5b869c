import pytest
from django.contrib.auth.models import User

from seedbed.groups.models import Group, Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, MergeRecord, Motivation, Note, Person
from seedbed.people.services import IdentityRegistry, MergeError, merge_people, undo_merge

pytestmark = pytest.mark.django_db


def person_with_everything(name, email, first="2023-01-01T00:00:00+00:00", last="2024-06-01T00:00:00+00:00"):
    registry = IdentityRegistry("git")
    key = registry.note(f"{name} <{email}>", None, name=name, email=email)
    person = Identity.objects.get(pk=registry.flush()[key]).person
    # a person's own first/last seen may lie beyond their identities' (e.g. set by hand)
    Person.objects.filter(pk=person.pk).update(first_seen=first, last_seen=last)
    shared, _ = Group.objects.get_or_create(name="Everyone", slug="everyone", kind="working-group")
    Membership.objects.create(group=shared, person=person, role="member")
    author = User.objects.create(username=f"steward-{name}")
    Note.objects.create(person=person, author=author, body=f"note on {name}")
    Motivation.objects.create(person=person, motive="learn", importance=3)
    group = Group.objects.create(name=f"{name} team", slug=f"{name.lower()}-team", kind="local-team")
    Membership.objects.create(group=group, person=person)
    return person


def state():
    rows = []
    for model in (Identity, Note, Motivation, Membership, Mentorship):
        rows.append(sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields])))
    rows.append(sorted(Person.objects.values_list("id", "merged_into_id", "user_id", "first_seen", "last_seen")))
    return rows


def test_new_identities_join_the_person_with_the_same_personal_email():
    git = IdentityRegistry("git")
    ann = git.note("Ann <ann@x.org>", 1, name="Ann", email="ann@x.org")
    ann_again = git.note("A. <Ann@X.org>", 2, name="A.", email="Ann@X.org")  # same batch, same address
    bob = git.note("Bob <devnull@localhost>", 1, name="Bob", email="devnull@localhost")
    cy = git.note("Cy <devnull@localhost>", 1, name="Cy", email="devnull@localhost")
    ids = git.flush()
    forum = IdentityRegistry("discourse", "forum")
    ann_forum = forum.note("ann", 3, email="ANN@x.org", username="ann")
    forum_ids = forum.flush()
    person = {k: Identity.objects.get(pk=ids[k]).person_id for k in (ann, ann_again, bob, cy)}
    assert person[ann] == person[ann_again] == Identity.objects.get(pk=forum_ids[ann_forum]).person_id
    assert person[bob] != person[cy]  # a placeholder address joins nobody
    assert "same e-mail" in Identity.objects.get(pk=forum_ids[ann_forum]).link_reason
    assert (git.created, forum.created, Person.objects.count()) == (4, 1, 3)


def test_flushing_again_creates_nothing_and_knows_earlier_identities():
    first = IdentityRegistry("git")
    key = first.note("Ann <ann@x.org>", 1, name="Ann", email="ann@x.org")
    identity_id = first.flush()[key]
    second = IdentityRegistry("git")
    assert second.note(key, 2, name="Ann", email="ann@x.org") == key
    assert second.flush()[key] == identity_id and second.created == 0
    assert Identity.objects.count() == 1


def test_merge_moves_everything_and_undo_restores_exactly():
    mentor = person_with_everything("Mira", "mira@x.org")
    a = person_with_everything("Ann", "ann@x.org", last="2025-01-01T00:00:00+00:00")
    b = person_with_everything("Bea", "bea@x.org", first="2020-05-05T00:00:00+00:00")
    Mentorship.objects.create(mentor=mentor, mentee=b, started_on="2024-01-01")
    user = User.objects.create(username="bea")
    Person.objects.filter(pk=b.pk).update(user=user)
    before = state()
    record = merge_people(a, b, method="steward", reason="same human, she told us", confidence=0.9, confirmed=True)
    assert set(Identity.objects.filter(person=a).values_list("name", flat=True)) == {"Ann", "Bea"}
    assert Note.objects.filter(person=a).count() == 2
    assert Mentorship.objects.get().mentee_id == a.pk
    assert Person.objects.get(pk=b.pk).merged_into_id == a.pk
    assert Person.objects.get(pk=a.pk).user_id == user.pk
    merged = Person.objects.get(pk=a.pk)
    assert (merged.first_seen.year, merged.last_seen.year) == (2020, 2025)
    # both were in "Everyone": the survivor keeps one membership, Bea's own row stays hers
    assert Membership.objects.filter(group__slug="everyone", person=a).count() == 1
    assert list(Person.objects.current().order_by("id").values_list("id", flat=True)) == [mentor.pk, a.pk]
    undo_merge(record)
    assert state() == before
    record.refresh_from_db()
    assert record.undone_at is not None
    with pytest.raises(MergeError):
        undo_merge(record)


def test_undo_refuses_while_a_later_merge_depends_on_it():
    a, b, c = (person_with_everything(n, f"{n}@x.org") for n in ("ann", "bea", "cy"))
    first = merge_people(a, b, method="steward", reason="r")
    merge_people(c, a, method="steward", reason="r")
    with pytest.raises(MergeError, match="undo merge"):
        undo_merge(first)


def test_merging_into_oneself_or_a_merged_person_is_refused():
    a, b, c = (person_with_everything(n, f"{n}@x.org") for n in ("ann", "bea", "cy"))
    with pytest.raises(MergeError):
        merge_people(a, a, method="steward", reason="r")
    merge_people(a, b, method="steward", reason="r")
    with pytest.raises(MergeError):
        merge_people(c, b, method="steward", reason="r")
    assert MergeRecord.objects.count() == 1


def test_every_link_to_a_person_follows_merges():
    from seedbed.core.models import AuditEntry
    from seedbed.people.services import PERSON_LINKS

    links = {
        (f"{rel.related_model._meta.app_label}.{rel.related_model._meta.model_name}", rel.field.name)
        for rel in Person._meta.related_objects
        # merged_into, the merge records themselves, and the audit log: who it was about, then
        if rel.related_model not in (Person, MergeRecord, AuditEntry)
    }
    links.discard(("people.person", "merged_into"))
    assert links == set(PERSON_LINKS), "a new foreign key to Person must be added to PERSON_LINKS"
