"""Recognition in a real browser: a steward turns suggestions into highlights (htmx, in place),
thanks someone within a budget and publishes a digest that an anonymous visitor reads (names
only with consent); a member nominates work; the fairness pages fit a phone.

Screenshots at laptop and phone width land in test-artifacts/ (recognition-*.png).
"""
import itertools
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.utils import timezone

from seedbed.activity.models import Activity
from seedbed.people.models import Identity, Person
from seedbed.recognition import services
from seedbed.recognition.models import Budget, Digest, DigestStatus, Highlight, HighlightStatus, Nomination, Thanks
from seedbed.recognition.periods import Period
from seedbed.recognition.suggesting import suggest_highlights
from tests.web.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-demo-password"
EDITED_WHY = "Fay's fix unblocked every macOS contributor that week."
_keys = itertools.count(1)


# -- small builders -----------------------------------------------------------------------
def steward() -> User:
    user = User.objects.create_user("alice", "alice@example.org", PASSWORD, first_name="Alice")
    user.groups.add(AuthGroup.objects.get_or_create(name="stewards")[0])
    return user


def person(name: str, *, username: str = "", consent: bool = False, regular: bool = True, **fields) -> Person:
    """A person with one identity; a regular contributed long before, so this is not their first."""
    p = Person.objects.create(display_name=name, consent_public_listing=consent, **fields)
    handle = username or name.split()[0].lower()
    Identity.objects.create(person=p, source_kind="github", source_instance="github.com", key=handle,
                            username=handle, name=name)
    if regular:
        act(p, "commit", 200, title="An old commit")
    return p


def act(who: Person, kind: str, days_ago: float, *, platform: str = "github", contribution_type: str = "code",
        **fields) -> Activity:
    n = next(_keys)
    fields.setdefault("url", f"https://example.org/{platform}/{n}")
    return Activity.objects.create(platform=platform, key=f"{kind}-{n}", identity=who.identities.first(), kind=kind,
                                   contribution_type=contribution_type,
                                   occurred_at=timezone.now() - timedelta(days=days_ago), **fields)


def community() -> SimpleNamespace:
    """A merged pull request reviewed by someone else, help that worked, a first contribution."""
    c = SimpleNamespace()
    c.ann = person("Ann Author")  # did not consent to public listing
    c.bob = person("Bob Reviewer", consent=True)
    c.pr = act(c.ann, "pull-request", 4, merged=True, title="Faster start-up", channel="seedbed/app")
    act(c.bob, "review", 4.5, contribution_type="review", parent=c.pr, extra={"state": "APPROVED"})
    c.eve = person("Eve Asker", consent=True)
    c.fay = person("Fay Helper", username="helper", consent=True, thanks_preferences=["dinner"])
    topic = act(c.eve, "topic", 3.2, platform="discourse", contribution_type="support", thread_key="t1",
                title="Build fails on macOS", body="My build fails with error X. Any ideas?")
    c.help = act(c.fay, "post", 3.1, platform="discourse", contribution_type="support", thread_key="t1",
                 parent=topic, body="Try clearing the cache with make clean.")
    act(c.eve, "post", 3, platform="discourse", contribution_type="support", thread_key="t1", parent=c.help,
        body="Thanks @helper, that fixed it!")
    for n in range(5):  # Fay answers questions all week: a knowledge sharer
        act(c.fay, "answer", 2 + n / 10, platform="discourse", contribution_type="question", title=f"Answer {n}")
    c.ivy = person("Ivy Newcomer", regular=False)
    c.first = act(c.ivy, "commit", 2, title="Fix a typo in the README", contribution_type="doc")
    c.since, c.until = timezone.localdate() - timedelta(days=29), timezone.localdate()
    return c


def confirmed(c) -> dict[str, Highlight]:
    """The community's suggestions, all confirmed by a steward (no browser)."""
    suggest_highlights(Period(c.since, c.until))
    alice = User.objects.get(username="alice")
    return {h.kind: services.confirm_highlight(h, actor=alice) for h in Highlight.objects.all()}


# -- browser helpers ----------------------------------------------------------------------
def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def shots(page, artifacts, name: str) -> None:
    """Laptop and phone width, the whole page; nothing scrolls sideways on the phone."""
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=artifacts / f"recognition-{name}-laptop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=artifacts / f"recognition-{name}-phone.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(LAPTOP)
    assert overflow <= PHONE["width"] + 1, f"{name}: {overflow}px wide on a {PHONE['width']}px phone"


def test_steward_confirms_and_dismisses_suggestions_in_place(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    steward()
    c = community()
    page = chromium.new_page(viewport=LAPTOP)
    log_in(page, live_server.url, "alice")
    page.get_by_role("link", name="Recognition").click()
    expect(page.locator("h1")).to_have_text("Highlights")
    expect(page.locator("main")).to_contain_text("Nothing waits for review")

    page.fill("#id_since", c.since.isoformat())
    page.fill("#id_until", c.until.isoformat())
    page.get_by_role("button", name="Suggest highlights").click()
    expect(page.locator(".message.success")).to_contain_text("3 new suggestions")
    cards = page.locator("article.highlight-card")
    expect(cards).to_have_count(3)
    support = Highlight.objects.get(kind="support")
    first = Highlight.objects.get(kind="first-contribution")
    merged = Highlight.objects.get(kind="merged-after-review")
    assert (support.person, first.person, merged.person) == (c.fay, c.ivy, c.ann)
    card = page.locator(f"#highlight-{support.pk}")
    expect(card.locator(".reason")).to_contain_text("Why Seedbed suggests it:")
    expect(card.locator(".reason")).to_contain_text("that fixed it")
    expect(page.locator(f"#highlight-{merged.pk} .reason")).to_contain_text("merged after review by Bob Reviewer")
    expect(page.locator(f"#highlight-{first.pk} .reason")).to_contain_text("a first contribution")
    shots(page, artifacts, "suggestions")

    # Edit the why, confirm: the card is swapped in place, the page is not reloaded.
    page.evaluate("window.marker = 'still here'")
    card.get_by_text("Edit before confirming").click()
    why = card.locator(f"#id_h{support.pk}-why")
    expect(why).to_be_visible()
    why.fill(EDITED_WHY)
    card.get_by_role("button", name="Confirm").click()
    expect(card).to_have_class("highlight-card status-confirmed")
    expect(card.locator(".why")).to_have_text(f"Why it mattered: {EDITED_WHY}")
    expect(card).to_contain_text("Confirmed by alice")
    expect(card.get_by_role("button", name="Thank Fay Helper")).to_be_visible()
    assert page.evaluate("window.marker") == "still here"

    # Dismiss the first contribution, in place too.
    other = page.locator(f"#highlight-{first.pk}")
    other.get_by_role("button", name="Dismiss").click()
    expect(other).to_contain_text("Dismissed by alice")
    expect(other.get_by_role("button", name="Back to the queue")).to_be_visible()
    assert page.evaluate("window.marker") == "still here"
    # the status counts follow, out of band, without a reload
    tabs = page.locator("#highlight-status-tabs")
    expect(tabs.get_by_role("link", name="Confirmed")).to_contain_text("1")
    expect(tabs.get_by_role("link", name="Dismissed")).to_contain_text("1")
    expect(tabs.get_by_role("link", name="Waiting")).to_contain_text("1")
    shots(page, artifacts, "decided")

    support.refresh_from_db()
    first.refresh_from_db()
    merged.refresh_from_db()
    assert (support.status, support.why, support.decided_by.username) == (HighlightStatus.CONFIRMED, EDITED_WHY, "alice")
    assert first.status == HighlightStatus.DISMISSED
    assert merged.status == HighlightStatus.SUGGESTED
    page.reload()  # the queue now holds only what still waits
    expect(cards).to_have_count(1)
    expect(page.locator(f"#highlight-{merged.pk}")).to_be_visible()


def test_steward_sets_a_budget_and_records_a_thank_you(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    steward()
    c = community()
    support = confirmed(c)["support"]
    page = chromium.new_page(viewport=LAPTOP)
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/recognition/thanks/")
    expect(page.locator("h1")).to_have_text("Thanks ledger")
    expect(page.locator("#given ~ .empty")).to_contain_text("No thank-you recorded yet")

    page.get_by_text("Set a budget").click()
    page.fill("#id_fund", "Community fund")
    page.fill("#id_starts_on", (c.until - timedelta(days=10)).isoformat())
    page.fill("#id_ends_on", (c.until + timedelta(days=50)).isoformat())
    page.fill("#id_amount", "200")
    page.get_by_role("button", name="Save budget").click()
    expect(page.locator(".message.success")).to_contain_text("Budget for Community fund saved.")
    budget_row = page.locator("section[aria-labelledby=budgets] tbody tr")
    expect(budget_row.locator("td[data-label=Left]")).to_have_text("200.00")

    page.goto(f"{live_server.url}/recognition/highlights/?status=confirmed")
    page.get_by_role("button", name="Thank Fay Helper").click()
    expect(page.locator("h1")).to_have_text("Thank Fay Helper")
    expect(page.locator(".page-title")).to_contain_text(support.title)
    expect(page.locator("#ideas ~ p")).to_contain_text("Budget left today: 200.00")
    ideas = page.locator(".thank-ideas li")
    expect(ideas.first).to_contain_text("Personal message")
    expect(ideas.first.locator(".chip")).to_have_text("free")
    expect(ideas.first).to_contain_text("a personal word always fits")
    expect(ideas.last).to_contain_text("Dinner")
    expect(ideas.last.locator(".chip")).to_have_text("about 60")
    expect(ideas.last).to_contain_text("they said they like it")
    chips = ideas.locator(".chip").all_inner_texts()
    assert chips.index("about 60") > max(i for i, t in enumerate(chips) if t == "free")  # free ones first
    shots(page, artifacts, "thank")

    ideas.last.get_by_role("link", name="Dinner").click()
    expect(page.locator("#id_kind")).to_have_value("dinner")
    page.fill("#id_cost", "60")
    page.select_option("#id_fund", label="Community fund")
    page.fill("#id_note", "Dinner at the Lisbon meetup")
    page.get_by_role("button", name="Record in the ledger").click()
    expect(page.locator(".message.success")).to_contain_text("Thank-you for Fay Helper recorded in the ledger.")
    row = page.locator("section[aria-labelledby=given] tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_have_text("Fay Helper")
    expect(row.locator("td[data-label=How]")).to_contain_text("Dinner")
    expect(row.locator("td[data-label=Cost]")).to_have_text("60.00 Community fund")
    expect(budget_row.locator("td[data-label=Spent]")).to_have_text("60.00")
    expect(budget_row.locator("td[data-label=Left]")).to_have_text("140.00")
    shots(page, artifacts, "ledger")

    thanks = Thanks.objects.get()
    assert (thanks.person, thanks.kind, str(thanks.cost), thanks.fund.name) == (c.fay, "dinner", "60.00", "Community fund")
    assert list(thanks.highlights.all()) == [support] and Budget.objects.count() == 1


def test_steward_publishes_a_digest_an_anonymous_visitor_reads(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    steward()
    c = community()
    found = confirmed(c)
    page = chromium.new_page(viewport=LAPTOP)
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/recognition/digests/")
    expect(page.locator("main")).to_contain_text("No digest yet")
    page.fill("#id_since", c.since.isoformat())
    page.fill("#id_until", c.until.isoformat())
    page.get_by_role("button", name="Make a draft").click()
    expect(page.locator(".message.success")).to_contain_text("Draft made with 3 confirmed highlights.")
    page.fill("#id_title", "Great stuff happening this month")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".message.success")).to_contain_text("Draft saved.")
    expect(page.locator(".digest-preview h1")).to_have_text("Great stuff happening this month")
    shots(page, artifacts, "digest-draft")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".message.success")).to_contain_text("Approved and published")
    expect(page.locator("p.notice")).to_contain_text("approved by alice")
    digest = Digest.objects.get()
    assert (digest.status, digest.title, digest.highlights.count()) == (DigestStatus.PUBLISHED,
                                                                         "Great stuff happening this month", 3)

    visitor = chromium.new_context(viewport=LAPTOP)  # not logged in
    public = visitor.new_page()
    public.goto(f"{live_server.url}/")
    public.locator("footer").get_by_role("link", name="Great stuff happening").click()
    expect(public.locator("h1")).to_have_text("Great stuff happening")
    public.get_by_role("link", name="Great stuff happening this month").click()
    story = public.locator("article.digest")
    expect(story.locator("h1")).to_have_text("Great stuff happening this month")
    merged = story.locator("li", has_text="Faster start-up")
    expect(merged.first).to_contain_text("by a contributor")  # Ann did not consent
    expect(story.locator("#shout-outs")).to_contain_text(f"{found['support'].title}, by Fay Helper")
    expect(story.locator("#welcome")).to_contain_text("one more person made their first contribution")
    text = public.locator("body").inner_text()
    assert "Ann Author" not in text and "Ivy Newcomer" not in text
    assert "Log out" not in text
    shots(public, artifacts, "digest-public")
    public.emulate_media(color_scheme="dark")
    public.wait_for_timeout(300)
    public.screenshot(path=artifacts / "recognition-digest-public-laptop-dark.png")
    visitor.close()


def test_member_nominates_work_and_cannot_open_the_stewards_queue(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    c = community()
    user = User.objects.create_user("mia", "mia@example.org", PASSWORD, first_name="Mia")
    Person.objects.create(display_name="Mia Member", user=user)
    page = chromium.new_page(viewport=LAPTOP)
    log_in(page, live_server.url, "mia")
    page.locator("header nav").get_by_role("link", name="Nominate").click()
    expect(page.locator("h1")).to_have_text("Nominate a contribution")

    page.fill("#id_link", "https://example.org/nowhere/1")
    page.fill("#id_sentence", "It made start-up twice as fast.")
    page.get_by_role("button", name="Nominate").click()
    error = page.locator("#id_link ~ .form-error")
    expect(error).to_contain_text("Seedbed has no contribution with this link")
    expect(page.locator("#id_sentence")).to_have_value("It made start-up twice as fast.")  # kept
    assert not Nomination.objects.exists()
    shots(page, artifacts, "nominate-error")

    page.fill("#id_link", c.pr.url)
    page.get_by_role("button", name="Nominate").click()
    expect(page.locator(".message.success")).to_contain_text("your nomination waits for a steward")
    expect(page.locator("#id_link")).to_have_value("")
    nomination = Nomination.objects.get()
    assert (nomination.by, nomination.sentence) == (user, "It made start-up twice as fast.")
    assert (nomination.highlight.person, nomination.highlight.kind) == (c.ann, "nomination")
    assert list(nomination.highlight.activities.all()) == [c.pr]
    shots(page, artifacts, "nominate-done")

    response = page.goto(f"{live_server.url}/recognition/highlights/")
    assert response.status == 403
    expect(page.locator("main")).to_contain_text("This page is for community stewards.")
    expect(page.locator("main")).not_to_contain_text("Faster start-up")
    page.screenshot(path=artifacts / "recognition-member-forbidden-laptop.png")


def test_fairness_and_knowledge_sharers_fit_a_phone(live_server, artifacts, chromium):
    from playwright.sync_api import expect

    steward()
    c = community()
    confirmed(c)
    page = chromium.new_page(viewport=LAPTOP)
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/recognition/highlights/")
    page.locator("nav.tabs").get_by_role("link", name="Fairness").click()
    expect(page.locator("h1")).to_have_text("Is recognition fair?")
    table = page.locator("table.concentration")
    expect(table.locator("caption")).to_have_text("Concentration, side by side")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table).to_contain_text("Share held by the 10% most active people")
    expect(page.locator("#unthanked ~ ul")).to_contain_text("Eve Asker")  # active, never thanked
    shots(page, artifacts, "fairness")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)

    page.set_viewport_size(LAPTOP)
    page.locator("nav.tabs").get_by_role("link", name="Knowledge sharers").click()
    expect(page.locator("h1")).to_have_text("Knowledge sharers")
    rows = page.locator("table.stack tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th")).to_have_text("Fay Helper")
    expect(rows.first).to_contain_text("A talk slot at the next event")
    shots(page, artifacts, "sharers")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    rows.first.screenshot(path=artifacts / "recognition-sharers-row-phone.png")  # the stacked row, close up
