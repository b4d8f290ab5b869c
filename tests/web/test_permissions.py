"""Every URL the site exposes x every role: who reaches what, and what each sees of a person.

The walk fails on a view that does not declare its audience (``seedbed.access.page``) and on
a page with URL parameters it has no sample for: a new page is walked, or the test says so.
"""
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from seedbed.access import Audience
from seedbed.accounts import services as accounts
from seedbed.groups.models import Group, Membership, MembershipRole
from seedbed.mentoring.models import Mentorship
from seedbed.people.models import MergeProposal, MergeRecord, Note, Person
from seedbed.recognition.models import Digest, Highlight, Thanks
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "stranger", "member", "self", "mentor", "organiser", "steward")
EMAIL = "grace.private@navy.example"
USERNAME = "gracehopper"
STEWARD_NOTE = "Steward note: she is thinking of leaving"
ORGANISER_NOTE = "Organiser note: ran the Lisbon meetup"
AVAILABILITY = "Evenings, Lisbon time"


def _login(username: str, person_name: str | None = None, **extra) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, **extra)
    if person_name:
        Person.objects.create(display_name=person_name, user=user)
    return user


@pytest.fixture
def world(alice, make_person, make_identity, make_activity):
    grace = make_person("Grace Hopper", availability=AVAILABILITY,
                        field_visibility={"availability": "organisers"})
    identity = make_identity(grace, source_kind="discourse", email=EMAIL, username=USERNAME, name="Grace Hopper")
    activity = make_activity(identity)
    users = {
        "stranger": _login("stranger"),  # a login and nothing else
        "member": _login("mallory", "Mallory Member"),
        "self": _login("grace"),
        "mentor": _login("maria", "Maria Mentor"),
        "organiser": _login("olga", "Olga Organiser"),
        "steward": alice,
    }
    grace.user = users["self"]
    grace.save()
    mentor, organiser = (Person.objects.get(user=users[r]) for r in ("mentor", "organiser"))
    Mentorship.objects.create(mentor=mentor, mentee=grace, started_on=date(2026, 1, 5))
    group = Group.objects.create(name="Lisbon", slug="lisbon", kind="local-team")
    Membership.objects.create(group=group, person=organiser, role=MembershipRole.ORGANISER)
    Membership.objects.create(group=group, person=grace)
    Note.objects.create(person=grace, author=alice, body=STEWARD_NOTE)
    Note.objects.create(person=grace, author=users["organiser"], body=ORGANISER_NOTE)
    other = make_person("Grace H.")
    proposal = MergeProposal.objects.create(person_a=grace, person_b=other, confidence=0.8, reasons=["same name"])
    record = MergeRecord.objects.create(survivor=grace, absorbed=make_person("G. Hopper", merged_into=grace),
                                        method="manual", reason="steward said so")
    # a real open invitation: the claim page is public, and a bogus token is a 404
    invitation = accounts.invite(other, "grace.h@navy.example", alice, "http://testserver/")
    highlight = Highlight.objects.create(kind="nomination", status="confirmed", person=grace, title="Fixed the compiler",
                                         why="It unblocked everyone.", contribution_type="code",
                                         occurred_at=activity.occurred_at)
    highlight.activities.add(activity)
    digest = Digest.objects.create(since=date(2026, 1, 1), until=date(2026, 12, 31), title="All year",
                                   status="published")
    digest.highlights.add(highlight)
    thanks = Thanks.objects.create(person=grace, kind="personal-message")
    samples = {
        "recognition:thank": {"pk": highlight.pk},
        "recognition:highlight_decide": {"pk": highlight.pk, "action": "confirm"},
        "recognition:digest_edit": {"pk": digest.pk},
        "recognition:digest_publish": {"pk": digest.pk},
        "recognition:digest_markdown": {"pk": digest.pk},
        "recognition:thanks_arrived": {"pk": thanks.pk},
        "digests:detail": {"pk": digest.pk},
        "people:detail": {"pk": grace.pk},
        "accounts:invite": {"pk": other.pk},
        "accounts:claim": {"token": invitation.token},
        "people:merge_decide": {"pk": proposal.pk, "action": "accept"},
        "people:merge_undo": {"pk": record.pk},
        "people:note_add": {"pk": grace.pk},
        "people:interaction_add": {"pk": grace.pk},
    }
    return {"grace": grace, "users": users, "samples": samples}


def site_pages(patterns=None, prefix="", namespace=""):
    """(url name, route, view) for every URL pattern outside the admin."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # Django's admin: staff only, by its own rules (test_admin_pages)
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from site_pages(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else None), prefix + str(entry.pattern), entry.callback


def test_every_page_declares_who_may_reach_it():
    undeclared = [route for _, route, view in site_pages() if not isinstance(getattr(view, "audience", None), Audience)]
    assert not undeclared, f"pages without @page(Audience...): {undeclared}"


def _url(name: str, route: str, samples: dict) -> str:
    if "<" not in route:
        return reverse(name) if name else "/" + route
    assert name in samples, f"no sample arguments for {name} ({route}): add some to this test"
    return reverse(name, kwargs=samples[name])


def _expected(audience: Audience, role: str) -> set[int]:
    if audience == Audience.PUBLIC:
        return {200, 302, 405}
    if audience == Audience.MEMBER:  # their own data: a login linked to a person
        if role in {"member", "self", "mentor", "organiser"}:
            return {200, 405}
        return {302} if role == "anonymous" else {403}
    allowed = {"steward"} if audience == Audience.STEWARDS else {"steward", "self", "mentor", "organiser"}
    if role in allowed:
        return {200, 405}  # 405: a POST-only action asked with GET
    return {302} if role == "anonymous" else {403}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_the_pages_it_may(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    seen = []
    for name, route, view in site_pages():
        url = _url(name, route, world["samples"])
        status = client.get(url).status_code
        assert status in _expected(view.audience, role), f"{role} got {status} at {url} ({view.audience})"
        seen.append(url)
    assert reverse("people:detail", args=[world["grace"].pk]) in seen


def _page(client, world, role) -> str:
    client.force_login(world["users"][role])
    response = client.get(reverse("people:detail", args=[world["grace"].pk]))
    assert response.status_code == 200
    return response.content.decode()


# what each role must and must not find in the HTML of Grace's page
VISIBLE = {
    "steward": ({EMAIL, USERNAME, STEWARD_NOTE, ORGANISER_NOTE, AVAILABILITY, "Merge history"}, set()),
    "organiser": ({USERNAME, ORGANISER_NOTE, AVAILABILITY}, {EMAIL, STEWARD_NOTE, "Merge history"}),
    "mentor": ({USERNAME, AVAILABILITY}, {EMAIL, STEWARD_NOTE, ORGANISER_NOTE, "Merge history"}),
    "self": ({EMAIL, USERNAME, AVAILABILITY, "Merge history"}, {STEWARD_NOTE, ORGANISER_NOTE}),
}


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_each_role_sees_only_its_fields_of_a_person(client, world, role):
    html = _page(client, world, role)
    present, absent = VISIBLE[role]
    assert "Grace Hopper" in html
    for text in present:
        assert text in html, f"{role} should see {text!r}"
    for text in absent:
        assert text not in html, f"{role} must not see {text!r}"


def test_a_field_kept_to_stewards_is_hidden_from_organiser_and_mentor(client, world):
    world["grace"].field_visibility = {"availability": "stewards"}
    world["grace"].save()
    for role in ("organiser", "mentor"):
        assert AVAILABILITY not in _page(client, world, role)
    assert AVAILABILITY in _page(client, world, "steward")


def test_a_field_kept_to_herself_is_hidden_even_from_stewards(client, world):
    world["grace"].field_visibility = {"availability": "only-me"}
    world["grace"].save()
    assert AVAILABILITY not in _page(client, world, "steward")
    assert AVAILABILITY in _page(client, world, "self")


def test_a_publicly_listed_person_shows_others_the_profile_and_nothing_private(client, world):
    world["grace"].consent_public_listing = True
    world["grace"].save()
    html = _page(client, world, "member")
    assert "Grace Hopper" in html
    for text in (EMAIL, USERNAME, STEWARD_NOTE, ORGANISER_NOTE, AVAILABILITY, "Lisbon", "Maria Mentor"):
        assert text not in html, text
    anonymous = client.__class__().get(reverse("people:detail", args=[world["grace"].pk]))
    assert anonymous.status_code == 200 and EMAIL not in anonymous.content.decode()


def test_a_mentorship_that_ended_no_longer_opens_the_page(client, world):
    Mentorship.objects.update(ended_on=date(2026, 6, 1))
    client.force_login(world["users"]["mentor"])
    assert client.get(reverse("people:detail", args=[world["grace"].pk])).status_code == 403


def test_what_they_want_follows_each_fields_visibility(client, world):
    from seedbed.people.models import Motivation

    grace = world["grace"]
    grace.thanks_preferences = ["swag"]
    grace.field_visibility = {"motivation": "organisers", "thanks_preferences": "only-me"}
    grace.save()
    Motivation.objects.create(person=grace, motive="learn", importance=4)
    for role, motivation, thanks in (("steward", True, False), ("organiser", True, False), ("self", True, True)):
        html = _page(client, world, role)
        assert ("Learn new things" in html) is motivation and ("Swag" in html) is thanks, role
    grace.field_visibility = {"motivation": "stewards"}
    grace.save()
    assert "Learn new things" not in _page(client, world, "organiser")


def test_a_steward_undoes_a_merge_from_the_persons_page(client, world):
    from seedbed.people.models import MergeRecord

    record = MergeRecord.objects.get()
    html = _page(client, world, "steward")
    assert reverse("people:merge_undo", args=[record.pk]) in html
    assert reverse("people:merge_undo", args=[record.pk]) not in _page(client, world, "self")  # sees it, cannot undo
    client.force_login(world["users"]["steward"])
    page = reverse("people:detail", args=[world["grace"].pk])
    response = client.post(reverse("people:merge_undo", args=[record.pk]), {"next": page + "#merges"})
    assert response["Location"] == page + "#merges"
    assert MergeRecord.objects.get().undone_at is not None
    elsewhere = client.post(reverse("people:merge_undo", args=[record.pk]), {"next": "https://evil.example/"})
    assert elsewhere["Location"] == reverse("people:merge_history")
