"""A member downloads their data and erases themselves, in a real browser.

Screenshots at laptop and phone width land in test-artifacts/ (member-data-*.png).
"""
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people import notes
from seedbed.people.models import Identity, Person, PersonKind
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-demo-password"


def member() -> Person:
    user = User.objects.create_user("ada", "ada@example.org", PASSWORD)
    person = Person.objects.create(display_name="Ada Lovelace", user=user, region="London")
    identity = Identity.objects.create(person=person, source_kind="git", name="Ada Lovelace", email="ada@analytical.org",
                                       email_key="ada@analytical.org", key="Ada Lovelace <ada@analytical.org>")
    Activity.objects.bulk_create(
        Activity(identity=identity, platform="git", key=f"ada-{n}", kind="commit", contribution_type="code",
                 title=f"Difference engine, part {n}", occurred_at=timezone.now() - timedelta(days=3 + 9 * n))
        for n in range(3)
    )
    notes.add_note(person, User.objects.create_user("alice"), "Ask Ada about the *analytical* engine talk")
    return person


def test_a_member_downloads_their_data_then_erases_themselves(live_server, artifacts, chromium, tmp_path):
    from playwright.sync_api import expect

    ada = member()
    page = chromium.new_page(viewport=LAPTOP, accept_downloads=True)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Ada Lovelace")  # home: the member's own page
    expect(page.locator(".own-data")).to_contain_text("This is your page")
    expect(page.locator("#notes")).to_have_count(0)  # the notes about her come with the export, not here
    page.screenshot(path=artifacts / "member-data-own-page-laptop.png", full_page=True)

    with page.expect_download() as download:
        page.click("text=Download all data held about you")
    saved = tmp_path / "export.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["person"]["display_name"] == "Ada Lovelace" and len(data["activities"]) == 3
    assert data["notes_about_you"][0]["text"] == "Ask Ada about the *analytical* engine talk"

    page.click("text=Erase everything about you")
    expect(page.locator("h1")).to_have_text("Erase my data")
    page.screenshot(path=artifacts / "member-data-erase-laptop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / "member-data-erase-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(LAPTOP)
    page.fill("#id_confirm", "not-me")
    page.click("text=Erase everything about me")
    expect(page.locator(".error")).to_contain_text("nothing was erased")
    assert Person.objects.filter(pk=ada.pk).exists()
    page.fill("#id_confirm", "ada")
    page.click("text=Erase everything about me")
    expect(page.locator("h1")).to_have_text("You have been erased")
    expect(page.locator("form.logout")).to_have_count(0)  # logged out
    page.screenshot(path=artifacts / "member-data-erased-laptop.png")

    assert not Person.objects.filter(pk=ada.pk).exists() and not User.objects.filter(username="ada").exists()
    assert Activity.objects.filter(identity__person__kind=PersonKind.ERASED).count() == 3


def test_a_member_cannot_reach_another_persons_notes(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    member()
    grace = Person.objects.create(display_name="Grace Hopper")
    notes.add_note(grace, User.objects.get(username="alice"), "Grace may leave: talk to her soon")
    page = chromium.new_page(viewport=LAPTOP)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Ada Lovelace")
    response = page.goto(f"{live_server.url}/people/{grace.pk}/")
    assert response.status == 403
    expect(page.locator("body")).not_to_contain_text("Grace may leave")
    expect(page.locator("body")).not_to_contain_text("Grace Hopper")
    for url in (f"/people/{grace.pk}/notes/", "/people/", "/audit/"):
        assert page.goto(f"{live_server.url}{url}").status in (403, 405)
    page.screenshot(path=artifacts / "member-data-forbidden-laptop.png")
