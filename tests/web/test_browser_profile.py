"""A member edits their own profile in a real browser: logs in through the form, answers the
motivation questions, changes consent, saves, and finds the success message and the values kept.

Screenshots at laptop and phone width land in test-artifacts/ (profile-*.png) for a human to look at.
"""
import re

import pytest
from django.contrib.auth.models import User

from seedbed.people.models import Motivation, Person
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-demo-password"


def grace() -> Person:
    user = User.objects.create_user("grace", "grace@example.org", PASSWORD, first_name="Grace")
    return Person.objects.create(display_name="Grace Hopper", user=user, time_zone="America/New_York",
                                 languages=["en"], interests=["compilers", "COBOL"], pronouns="she/her")


def screenshots(page, artifacts, name: str) -> None:
    """Laptop and phone width, the whole page; no sideways scrolling on the phone."""
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=artifacts / f"profile-{name}-laptop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / f"profile-{name}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.set_viewport_size(LAPTOP)


def test_member_edits_motivation_and_consent(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    person = grace()
    url = f"{live_server.url}/account/profile/"
    page = chromium.new_page(viewport=LAPTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # Sent to the real login form, and back.
    page.goto(url)
    expect(page).to_have_url(re.compile(r"/login/\?next=/account/profile/$"))
    page.fill("#id_username", "grace")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(url)
    expect(page.locator("h1")).to_have_text("Edit my profile")
    expect(page.get_by_role("link", name="Edit profile")).to_have_attribute("aria-current", "page")
    expect(page.locator("#id_display_name")).to_have_value("Grace Hopper")
    expect(page.locator("#id_interests")).to_have_value("compilers, COBOL")
    expect(page.locator("#id_consent_contact")).not_to_be_checked()
    expect(page.locator("#consent")).to_contain_text("Last changed: never")
    screenshots(page, artifacts, "empty")

    # Motivation, thanks, consent and a visibility setting; one Save.
    page.get_by_role("group", name="Learn new things").get_by_label("Very much").check()
    page.get_by_role("group", name="A job or career").get_by_label("Not at all").check()
    page.get_by_role("group", name="A higher purpose").get_by_label("3 Much").check()
    page.get_by_label("An invitation to speak").check()
    page.get_by_label("The community may contact me").check()
    page.select_option("#id_visibility_motivation", "organisers")
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url(url)

    expect(page.locator(".message.success")).to_contain_text("Saved your changes to")
    expect(page.locator(".message.success")).to_contain_text("motivation")
    expect(page.locator("#id_motive_learn_4")).to_be_checked()
    expect(page.locator("#id_motive_career_0")).to_be_checked()
    expect(page.locator("#id_motive_purpose_3")).to_be_checked()
    expect(page.locator("#id_motive_fun_0")).not_to_be_checked()  # never answered stays unanswered
    expect(page.get_by_label("An invitation to speak")).to_be_checked()
    expect(page.locator("#id_consent_contact")).to_be_checked()
    expect(page.locator("#id_consent_public_listing")).not_to_be_checked()
    expect(page.locator("#consent")).not_to_contain_text("never")
    expect(page.locator("#id_visibility_motivation")).to_have_value("organisers")
    screenshots(page, artifacts, "saved")

    # A break: added below the form, listed with a button to remove it.
    page.fill("#id_break-starts_on", "2099-07-01")
    page.fill("#id_break-ends_on", "2099-08-15")
    page.fill("#id_break-note", "Sailing around the Azores, far from any keyboard")
    page.get_by_role("button", name="Add break").click()
    page.wait_for_url(url)
    expect(page.locator(".message.success")).to_have_text("Your break was added.")
    expect(page.locator(".break-list li")).to_have_count(1)
    expect(page.locator(".break-list li")).to_contain_text("1 Jul 2099 – 15 Aug 2099")
    expect(page.get_by_role("button", name="Remove the break from 1 Jul 2099")).to_be_visible()
    expect(page.locator("#id_motive_learn_4")).to_be_checked()  # the profile is as saved

    # A wrong time zone: the error sits next to the field, nothing is saved.
    page.fill("#id_time_zone", "Atlantis/Capital")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.locator("#id_time_zone_errors")).to_contain_text("not a time zone we know")
    expect(page.locator("#id_time_zone")).to_have_attribute("aria-invalid", "true")
    screenshots(page, artifacts, "error")
    assert dialogs == []

    person.refresh_from_db()
    assert person.consent_contact and not person.consent_public_listing and person.consent_updated_at
    assert person.time_zone == "America/New_York"
    assert person.thanks_preferences == ["invitation-to-speak"]
    assert person.visibility_of("motivation") == "organisers"
    assert dict(Motivation.objects.filter(person=person).values_list("motive", "importance")) == {
        "learn": 4, "career": 0, "purpose": 3}
