"""Merge review in a real browser: a steward accepts, rejects and defers proposals in place
(htmx, no page reload), then undoes the merge from the history.

Screenshots at laptop and phone width land in test-artifacts/ for a human to look at.
"""
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people import merging
from seedbed.people.models import Identity, KeepApart, MergeProposal, MergeRecord, Person, ProposalStatus
from seedbed.people.templatetags.merge_review import likelihood, percent
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-demo-password"


def someone(name: str, *identities: dict, activities: int = 0, channel: str = "") -> Person:
    person = Person.objects.create(display_name=name)
    now = timezone.now()
    for fields in identities:
        fields.setdefault("source_kind", "git")
        fields.setdefault("name", name)
        fields.setdefault("email_key", fields.get("email", "").lower())
        fields.setdefault("key", f"{fields['name']} <{fields.get('email', '')}> {fields.get('username', '')}")
        identity = Identity.objects.create(person=person, **fields)
        Activity.objects.bulk_create(
            Activity(identity=identity, platform=fields["source_kind"], key=f"{identity.pk}-{n}", kind="commit",
                     contribution_type="code", channel=channel, title=f"Change {n}",
                     occurred_at=now - timedelta(days=3 + 11 * n))
            for n in range(activities)
        )
    return person


def build_proposals():
    """Four proposals: three from the resolver, one (made by hand) that a merge will supersede."""
    steward = User.objects.create_user("alice", "alice@example.org", PASSWORD, first_name="Alice")
    steward.groups.add(AuthGroup.objects.create(name="stewards"))
    maria = someone("Maria Garcia", {"email": "maria@uni.edu"}, activities=12, channel="docs/tutorials")
    maria_too = someone("María García-López", {"email": "mgl@corp.com"},
                        {"source_kind": "github", "source_instance": "github.com", "username": "mgarcialopez",
                         "name": "María García-López", "email": "mgl@corp.com", "key": "mgarcialopez"},
                        activities=4, channel="engine/core")
    someone("Bram", {"email": "b.t.ton@saxion.nl"}, activities=7, channel="saxion/course")
    someone("Bram", {"email": "bram@cbbg.nl", "source_kind": "discourse", "source_instance": "forum.example.org",
                     "username": "bram_cbbg"}, activities=2, channel="forum: Q&A")
    someone("Sam", {"email": "sam@x.org"})
    someone("Sam", {"email": "sam@y.org", "source_kind": "mbox", "source_instance": "dev@lists.example.org"},
            activities=1, channel="dev@lists.example.org")
    run = merging.run_resolver()
    assert (run.proposed, run.merged) == (3, 0)
    latecomer = someone("M. García", {"email": "garcia@elsewhere.org"})
    MergeProposal.objects.create(person_a=maria_too, person_b=latecomer, confidence=0.55,
                                 reasons=["similar names: María García-López / M. García"])
    by_name = {p.person_a.display_name + "/" + p.person_b.display_name: p for p in MergeProposal.objects.all()}
    return steward, maria, by_name


def no_reload(page) -> bool:
    """True while the page that got the marker is still the one shown (htmx swapped, nothing reloaded)."""
    return page.evaluate("window.__seedbedMarker === 'still here'")


def test_steward_reviews_proposals_in_place_and_undoes_a_merge(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    steward, maria, proposals = build_proposals()
    accept = next(p for k, p in proposals.items() if k.startswith("Maria Garcia/"))
    reject = proposals["Bram/Bram"]
    unsure = proposals["Sam/Sam"]
    stale = next(p for k, p in proposals.items() if k.endswith("/M. García"))
    page = chromium.new_page(viewport=LAPTOP)
    page.goto(f"{live_server.url}/people/merges/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/people/merges/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Merge review")
    expect(page.locator("header nav a[aria-current=page]")).to_contain_text("Merges")
    expect(page.locator(".nav-count")).to_contain_text("4")
    expect(page.locator(f"#proposal-{accept.pk}")).to_contain_text("mgl@corp.com")
    expect(page.locator(f"#proposal-{accept.pk}")).to_contain_text("mgarcialopez")
    for proposal in proposals.values():
        expect(page.locator(f"#proposal-{proposal.pk} .confidence")).to_have_text(
            f"{percent(proposal.confidence)} {likelihood(proposal.confidence)}")
    page.screenshot(path=artifacts / "merges-laptop.png")
    page.screenshot(path=artifacts / "merges-laptop-full.png", full_page=True)
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=artifacts / "merges-laptop-dark.png")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / "merges-phone.png")
    page.screenshot(path=artifacts / "merges-phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.set_viewport_size(LAPTOP)

    page.evaluate("window.__seedbedMarker = 'still here'")
    page.click(f"#proposal-{accept.pk} button.accept")
    expect(page.locator(f"#proposal-{accept.pk}")).to_contain_text("Merged into Maria Garcia")
    expect(page.locator(f"#proposal-{accept.pk}")).to_be_focused()  # keyboard users stay in place
    page.click(f"#proposal-{reject.pk} button.reject")
    expect(page.locator(f"#proposal-{reject.pk}")).to_contain_text("Kept apart")
    page.click(f"#proposal-{unsure.pk} button.unsure")
    expect(page.locator(f"#proposal-{unsure.pk}")).to_contain_text("Marked not sure")
    # María García-López was just merged into Maria Garcia: this proposal no longer applies
    page.click(f"#proposal-{stale.pk} button.accept")
    expect(page.locator(f"#proposal-{stale.pk}")).to_contain_text("no longer applies")
    assert no_reload(page)
    assert page.locator("h1").count() == 1 and page.locator(".proposal-card").count() == 4
    expect(page.locator(".nav-count")).to_have_text("1 waiting")  # counts follow out of band
    expect(page.locator("#queue-count")).to_have_text("1 proposal")
    page.screenshot(path=artifacts / "merges-decided-laptop.png", full_page=True)

    record = MergeRecord.objects.get()
    assert record.actor == steward and record.survivor_id == maria.pk
    assert KeepApart.objects.get().actor == steward
    assert MergeProposal.objects.get(pk=unsure.pk).status == ProposalStatus.UNSURE

    page.reload()  # Sam waits under "Not sure", with no third button
    expect(page.locator("#unsure-proposals")).to_contain_text("Sam")
    expect(page.locator(f"#proposal-{unsure.pk} button")).to_have_count(2)
    expect(page.locator(".nav-count")).to_contain_text("1")
    page.screenshot(path=artifacts / "merges-unsure-laptop.png")

    page.goto(f"{live_server.url}/people/merges/history/")
    expect(page.locator("h1")).to_have_text("Merge history")
    row = page.locator(f"#merge-{record.pk}")
    expect(row).to_contain_text("A steward")
    expect(row).to_contain_text("alice")
    page.screenshot(path=artifacts / "merge-history-laptop.png")
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / "merge-history-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.evaluate("window.__seedbedMarker = 'still here'")
    row.locator("button", has_text="Undo").click()
    expect(row).to_contain_text("Undone: two people again")
    expect(row.locator("button")).to_have_count(0)
    assert no_reload(page)
    page.screenshot(path=artifacts / "merge-history-undone-phone.png", full_page=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=artifacts / "merge-history-undone-laptop.png")
    record.refresh_from_db()
    assert record.undone_by == steward
    assert Person.objects.get(pk=record.absorbed_id).merged_into_id is None
