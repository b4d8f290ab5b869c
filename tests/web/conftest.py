"""Personas and small builders for the web pages' tests.

Alice is a steward (in the "stewards" group), Sam is Django staff, Bob has a login
but no role: he must see nothing.
"""
import itertools
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people.models import Identity, Person
from tests.conftest import requirement_missing

PASSWORD = "correct horse battery staple"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's: Playwright cannot download browsers here
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
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


@pytest.fixture
def chromium():
    """A headless Chromium for Playwright; skips (fails under CI=true) when it is not installed."""
    if not CHROMIUM.exists():
        requirement_missing("Debian's chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM must still be allowed here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()
