"""Personas and small builders for the web pages' tests.

Alice is a steward (in the "stewards" group), Sam is Django staff, Bob has a login
but no role: he must see nothing.
"""
import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people.models import Identity, Person

PASSWORD = "correct horse battery staple"
_serial = itertools.count(1)


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def alice(db):
    user = User.objects.create_user("alice", "alice@example.org", PASSWORD, first_name="Alice")
    user.groups.add(AuthGroup.objects.get_or_create(name="stewards")[0])
    return user


@pytest.fixture
def sam(db):
    return User.objects.create_user("sam", "sam@example.org", PASSWORD, is_staff=True)


@pytest.fixture
def bob(db):
    return User.objects.create_user("bob", "bob@example.org", PASSWORD)


@pytest.fixture
def steward_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def make_person(db):
    def make(name: str, **fields) -> Person:
        return Person.objects.create(display_name=name, **fields)

    return make


@pytest.fixture
def make_identity(db):
    def make(person: Person, *, source_kind: str = "git", **fields) -> Identity:
        fields.setdefault("key", f"{person.display_name} <{next(_serial)}@example.net>")
        return Identity.objects.create(person=person, source_kind=source_kind, **fields)

    return make


@pytest.fixture
def make_activity(db):
    def make(identity: Identity, *, days_ago: float = 1, **fields) -> Activity:
        fields.setdefault("kind", "commit")
        fields.setdefault("contribution_type", "code")
        return Activity.objects.create(
            identity=identity, platform=fields.pop("platform", "git"), key=fields.pop("key", f"sha{next(_serial):08x}"),
            occurred_at=timezone.now() - timedelta(days=days_ago), **fields,
        )

    return make
