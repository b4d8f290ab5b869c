"""The people pages in a real browser: log in, search the directory, open a person.

Screenshots at laptop and phone width land in test-artifacts/ for a human to look at.
"""
import random
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.groups.models import Group, Membership
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import Identity, MergeRecord, Note, Person
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


FIRST = ["Amara", "Bo", "Chiara", "Dmitri", "Esi", "Farid", "Gwen", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
         "Mateo", "Noor", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara"]
LAST = ["Okafor", "Lindqvist", "Rossi", "Petrov", "Mensah", "Haddad", "Evans", "Tanaka", "García", "Becker"]
PLACES = [("Europe", "Europe/Berlin"), ("Europe", "Europe/Lisbon"), ("Africa", "Africa/Lagos"),
          ("Asia", "Asia/Tokyo"), ("South America", "America/Sao_Paulo"), ("North America", "America/Chicago")]
TYPES = [("commit", "code"), ("commit", "doc"), ("review", "review"), ("answer", "question"), ("issue", "bug"),
         ("commit", "test"), ("talk", "talk"), ("translation", "translation")]


def build_community():
    rng = random.Random(7)
    now = timezone.now()
    steward = User.objects.create_user("alice", "alice@example.org", "a-long-demo-password", first_name="Alice")
    steward.groups.add(AuthGroup.objects.create(name="stewards"))
    groups = [
        Group.objects.create(name=name, slug=slug, kind=kind)
        for name, slug, kind in [("Berlin meetup", "berlin", "local-team"), ("Docs team", "docs", "working-group"),
                                 ("Night owls", "owls", "affinity-group"), ("Lagos user group", "lagos", "user-group")]
    ]
    ada = Person.objects.create(
        display_name="Ada Lovelace", pronouns="she/her", region="Europe", time_zone="Europe/London",
        languages=["en", "fr"], interests=["documentation", "poetry", "engines"], skills=["mathematics", "python"],
        consent_public_listing=True, consent_contact=True, consent_updated_at=now - timedelta(days=60),
        first_seen=now - timedelta(days=800), last_seen=now - timedelta(days=2),
        bio="Writes the notes that explain the engine.",
    )
    git = Identity.objects.create(person=ada, source_kind="git", key="Ada Lovelace <ada@analytical.org>",
                                  name="Ada Lovelace", email="ada@analytical.org", link_reason="first seen")
    gh = Identity.objects.create(person=ada, source_kind="github", source_instance="github.com", key="4242",
                                 username="countess", email="4242+countess@users.noreply.github.com",
                                 link_reason="same e-mail address as an existing identity (ada@analytical.org)")
    twin = Person.objects.create(display_name="A. A. Lovelace", merged_into=ada)
    MergeRecord.objects.create(survivor=ada, absorbed=twin, method="same-email", reason="Both used ada@analytical.org",
                               actor_label="git importer", confirmed=True)
    activities = []
    for n in range(160):
        kind, ctype = rng.choice(TYPES)
        activities.append(Activity(
            platform="git" if kind == "commit" else "github", key=f"ada-{n}", identity=git if kind == "commit" else gh,
            kind=kind, contribution_type=ctype, occurred_at=now - timedelta(days=rng.triangular(1, 730, 60)),
            channel=rng.choice(["engine/core", "engine/docs", "forum: Q&A"]),
            title=rng.choice(["Explain the mill", "Fix carry in adder", "Translate Menabrea's memoir",
                              "Bernoulli numbers, step by step", "Review: faster punch cards"]),
            url=f"https://example.org/engine/{n}",
        ))
    Activity.objects.bulk_create(activities)
    Note.objects.create(person=ada, author=steward, body="Met at the **Turin** sprint. Wants to *learn* more about "
                        "teaching; would make a fine mentor.\n\n- prefers a personal thank-you\n- not swag")
    Membership.objects.create(group=groups[1], person=ada, role="organiser")
    Membership.objects.create(group=groups[2], person=ada)
    for i in range(72):
        region, tz = rng.choice(PLACES)
        last = now - timedelta(days=rng.randint(0, 400))
        person = Person.objects.create(
            display_name=f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}", region=region, time_zone=tz,
            pronouns=rng.choice(["", "", "he/him", "she/her", "they/them"]), kind="bot" if i == 5 else "member",
            first_seen=last - timedelta(days=rng.randint(0, 500)), last_seen=last,
        )
        for group in rng.sample(groups, rng.randint(0, 2)):
            Membership.objects.create(group=group, person=person, role="organiser" if rng.random() < 0.15 else "member")
        if i == 3:
            Mentorship.objects.create(mentor=ada, mentee=person, started_on=(now - timedelta(days=90)).date())
    return ada


def test_steward_logs_in_searches_and_opens_a_person(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    ada = build_community()
    page = chromium.new_page(viewport=LAPTOP)
    page.goto(f"{live_server.url}/people/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/people/")
    page.screenshot(path=artifacts / "people-login-laptop.png")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "a-long-demo-password")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("People")
    expect(page.locator("#results")).to_contain_text("73 people")
    assert page.evaluate("typeof window.htmx") == "object"  # the vendored htmx loaded, from our own server
    page.screenshot(path=artifacts / "people-directory-laptop.png")

    page.select_option("select[name=kind]", "bot")  # a filter applies as soon as it changes
    expect(page.locator("#results")).to_contain_text("1 person matches")
    expect(page).to_have_url(f"{live_server.url}/people/?kind=bot")
    page.select_option("select[name=kind]", "")
    expect(page.locator("#results")).to_contain_text("73 people")

    page.fill("#id_q", "countess")  # a GitHub username: htmx swaps the results in place
    expect(page.locator("#results")).to_contain_text("1 person matches")
    expect(page).to_have_url(f"{live_server.url}/people/?q=countess")
    page.click("#results a:has-text('Ada Lovelace')")
    expect(page.locator("h1")).to_contain_text("Ada Lovelace")
    expect(page.locator("#identities")).to_contain_text("countess")
    expect(page.locator("#notes strong")).to_have_text("Turin")
    expect(page.locator("#activity svg.bars").first).to_be_visible()
    page.screenshot(path=artifacts / "person-laptop.png")
    page.screenshot(path=artifacts / "person-laptop-full.png", full_page=True)

    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / "person-phone.png")
    page.screenshot(path=artifacts / "person-phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.goto(f"{live_server.url}/people/?region=Europe")
    expect(page.locator("#results")).to_contain_text("match")
    page.screenshot(path=artifacts / "people-directory-phone.png")
    page.screenshot(path=artifacts / "people-directory-phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
