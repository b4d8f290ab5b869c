"""Private notes and the interaction log in a real browser: a steward writes a Markdown note and
logs a video call from a person's page (htmx, no page reload); an organiser writes their own
note and never sees the steward's.

Screenshots at laptop and phone width land in test-artifacts/ (person-log-*.png) for a human to look at.
"""
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.core.models import AuditAction, AuditEntry
from seedbed.groups.models import Group, GroupKind, Membership, MembershipRole
from seedbed.people import notes
from seedbed.people.models import Identity, Interaction, InteractionChannel, Note, Person
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-demo-password"
NOTE = "**Wants to mentor** next term <script>alert(1)</script>"
TOPIC = "Talked about the mentoring pool"
STEWARDS_NOTE = "Steward only: we may ask her to join the *board*."


def steward() -> User:
    user = User.objects.create_user("alice", "alice@example.org", PASSWORD, first_name="Alice")
    user.groups.add(AuthGroup.objects.get_or_create(name="stewards")[0])
    return user


def ada() -> Person:
    """Ada Lovelace, with one git identity and a few commits over the last months."""
    person = Person.objects.create(display_name="Ada Lovelace", region="London", time_zone="Europe/London",
                                   interests=["compilers"], first_seen=timezone.now() - timedelta(days=90),
                                   last_seen=timezone.now() - timedelta(days=3))
    identity = Identity.objects.create(person=person, source_kind="git", name="Ada Lovelace",
                                       email="ada@analytical.org", email_key="ada@analytical.org",
                                       key="Ada Lovelace <ada@analytical.org>")
    now = timezone.now()
    Activity.objects.bulk_create(
        Activity(identity=identity, platform="git", key=f"ada-{n}", kind="commit", contribution_type="code",
                 channel="engine/core", title=f"Difference engine, part {n}", occurred_at=now - timedelta(days=3 + 17 * n))
        for n in range(5)
    )
    return person


def log_in(page, url: str, username: str) -> None:
    """Open ``url``, get sent to the real login form, and come back to ``url``."""
    from playwright.sync_api import expect

    page.goto(url)
    expect(page).to_have_url(re.compile(r"/login/\?next=/people/\d+/$"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(url)


def no_reload(page) -> bool:
    """True while the page that got the marker is still the one shown (htmx swapped, nothing reloaded)."""
    return page.evaluate("window.__seedbedMarker === 'still here'")


def show_log(page, section: str = "#notes") -> None:
    """Scroll so that the section's heading is at the top of the window."""
    page.evaluate(f"window.scrollTo(0, document.querySelector('{section}').getBoundingClientRect().top + window.scrollY - 16)")


def screenshots(page, artifacts, name: str) -> None:
    """Laptop and phone width, the viewport and the full page; no sideways scrolling on the phone."""
    page.set_viewport_size(LAPTOP)
    show_log(page)
    page.screenshot(path=artifacts / f"person-log-{name}-laptop.png")
    page.screenshot(path=artifacts / f"person-log-{name}-laptop-full.png", full_page=True)
    page.set_viewport_size(PHONE)
    show_log(page, "#interactions")
    page.screenshot(path=artifacts / f"person-log-{name}-phone.png")
    page.screenshot(path=artifacts / f"person-log-{name}-phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.set_viewport_size(LAPTOP)


def test_steward_adds_a_note_and_an_interaction_in_place(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    alice = steward()
    person = ada()
    url = f"{live_server.url}/people/{person.pk}/"
    page = chromium.new_page(viewport=LAPTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    posted: list[str] = []
    page.on("request", lambda request: request.method == "POST" and posted.append(request.url))

    log_in(page, url, "alice")
    expect(page.locator("h1")).to_have_text("Ada Lovelace")
    expect(page.locator(".last-contact")).to_have_text("last personal contact never")
    expect(page.locator("#notes")).to_contain_text("No notes yet.")
    expect(page.locator("#notes h2")).to_contain_text("private to stewards")
    expect(page.locator("#interactions")).to_contain_text("No interactions logged.")
    expect(page.locator("#id_occurred_on")).to_have_value(timezone.localdate().isoformat())  # today by default
    screenshots(page, artifacts, "empty")

    # A Markdown note: the bold text shows, the script is gone (and never ran), the page stayed.
    page.evaluate("window.__seedbedMarker = 'still here'")
    page.fill("#id_body", NOTE)
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes .note")).to_have_count(1)
    expect(page.locator("#notes .note-body strong")).to_have_text("Wants to mentor")
    expect(page.locator("#notes .note-body")).to_contain_text("next term")
    expect(page.locator("#notes .note")).to_contain_text("alice")
    expect(page.locator("#notes")).not_to_contain_text("No notes yet.")
    assert page.locator("#notes script").count() == 0
    assert "alert(1)" not in page.locator("#notes").inner_text()
    expect(page.locator("#id_body")).to_have_value("")  # a fresh form for the next note
    assert no_reload(page) and dialogs == []

    # An interaction: a video call today, shown in the table in place.
    page.fill("#id_occurred_on", timezone.localdate().isoformat())
    page.select_option("#id_channel", InteractionChannel.VIDEO)
    page.fill("#id_topic", TOPIC)
    page.get_by_role("button", name="Log interaction").click()
    rows = page.locator("#interactions table.interactions tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td[data-label=How]")).to_have_text("Video call")
    expect(rows.first.locator("td[data-label=Who]")).to_have_text("alice")
    expect(rows.first.locator("td[data-label=About]")).to_have_text(TOPIC)
    expect(rows.first.locator("time")).to_have_attribute("datetime", re.compile(f"^{timezone.localdate().isoformat()}T"))
    expect(page.locator("#id_topic")).to_have_value("")
    expect(page.locator("#interactions .error")).to_have_count(0)
    assert no_reload(page)
    assert Interaction.objects.count() == 1

    # An empty topic: the browser refuses to send it (the field is required) ...
    before = len(posted)
    page.fill("#id_topic", "")
    page.get_by_role("button", name="Log interaction").click()
    assert page.evaluate("document.querySelector('#id_topic').validity.valueMissing")
    page.wait_for_timeout(300)
    assert len(posted) == before
    # ... and blanks get past the browser, but the server says what is missing, in place.
    page.select_option("#id_channel", InteractionChannel.CALL)
    page.fill("#id_topic", "   ")
    page.get_by_role("button", name="Log interaction").click()
    error = page.locator("#interactions .error[role=alert]")
    expect(error).to_contain_text("About")
    expect(error).to_contain_text("required")
    expect(rows).to_have_count(1)
    expect(page.locator("#id_channel")).to_have_value(InteractionChannel.CALL)  # what was chosen stays
    assert len(posted) == before + 1 and no_reload(page)
    assert Interaction.objects.count() == 1
    screenshots(page, artifacts, "error")

    # After a reload the header knows the last personal contact.
    page.reload()
    expect(page.locator(".last-contact")).to_contain_text("video")
    expect(page.locator(".last-contact")).to_contain_text("today")
    expect(page.locator(".last-contact")).to_contain_text("alice")
    expect(page.locator("#notes .note-body strong")).to_have_text("Wants to mentor")
    expect(rows).to_have_count(1)
    expect(page.locator("#interactions .error")).to_have_count(0)
    screenshots(page, artifacts, "filled")
    page.emulate_media(color_scheme="dark")
    show_log(page)
    page.wait_for_timeout(500)  # Pico fades form fields into their dark colours
    page.screenshot(path=artifacts / "person-log-filled-laptop-dark.png")
    page.emulate_media(color_scheme="light")
    assert dialogs == []

    # Stored, by the steward ...
    note = Note.objects.get()
    assert (note.person, note.author, note.body) == (person, alice, NOTE)
    interaction = Interaction.objects.get()
    assert (interaction.person, interaction.by, interaction.channel, interaction.topic) == (
        person, alice, InteractionChannel.VIDEO, TOPIC)
    assert timezone.localdate(interaction.occurred_at) == timezone.localdate()
    # ... and audited, without what the note says.
    added_note = AuditEntry.objects.get(action=AuditAction.ADDED_NOTE)
    added_interaction = AuditEntry.objects.get(action=AuditAction.ADDED_INTERACTION)
    for entry in (added_note, added_interaction):
        assert (entry.actor, entry.actor_label, entry.person) == (alice, "alice", person)
        assert "mentor" not in entry.detail.lower() and "script" not in entry.detail
    assert str(note.pk) in added_note.detail and str(interaction.pk) in added_interaction.detail
    assert AuditEntry.objects.filter(action=AuditAction.VIEWED_NOTES, actor=alice, person=person).exists()


def test_organiser_writes_notes_but_reads_only_their_own(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    alice = steward()
    person = ada()
    notes.add_note(person, alice, STEWARDS_NOTE)
    olga = User.objects.create_user("olga", "olga@example.org", PASSWORD, first_name="Olga")
    organiser = Person.objects.create(display_name="Olga Organiser", user=olga)
    lisbon = Group.objects.create(name="Lisbon local team", slug="lisbon", kind=GroupKind.LOCAL_TEAM)
    Membership.objects.create(group=lisbon, person=organiser, role=MembershipRole.ORGANISER)
    Membership.objects.create(group=lisbon, person=person, role=MembershipRole.MEMBER)
    url = f"{live_server.url}/people/{person.pk}/"
    page = chromium.new_page(viewport=LAPTOP)

    log_in(page, url, "olga")
    expect(page.locator("h1")).to_have_text("Ada Lovelace")
    expect(page.locator("#notes h2")).to_contain_text("the ones you wrote")
    expect(page.locator("#id_body")).to_be_visible()
    expect(page.get_by_role("button", name="Log interaction")).to_be_visible()
    expect(page.locator("#notes")).to_contain_text("No notes yet.")
    expect(page.locator("#notes")).not_to_contain_text("board")
    expect(page.locator(".last-contact")).to_contain_text("by you")

    page.evaluate("window.__seedbedMarker = 'still here'")
    page.fill("#id_body", "Met at the *Lisbon* meetup")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes .note")).to_have_count(1)
    expect(page.locator("#notes .note-body em")).to_have_text("Lisbon")
    expect(page.locator("#notes")).not_to_contain_text("board")
    assert no_reload(page)
    page.reload()
    expect(page.locator("#notes .note")).to_have_count(1)
    expect(page.locator("#notes")).not_to_contain_text("board")
    show_log(page)
    page.screenshot(path=artifacts / "person-log-organiser-laptop.png")
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / "person-log-organiser-phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    assert Note.objects.get(author=olga).body == "Met at the *Lisbon* meetup"
    assert Note.objects.filter(person=person).count() == 2
    assert AuditEntry.objects.filter(action=AuditAction.ADDED_NOTE, actor=olga, person=person).count() == 1
