"""The recognition commands, through ``seedbed.cli.main``."""
import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from seedbed.cli import main
from seedbed.activity.models import Activity
from seedbed.recognition.models import Highlight, HighlightStatus, Thanks
from tests.recognition.builders import act, at, person

pytestmark = pytest.mark.django_db

MARCH = ("--since", "2026-03-01", "--until", "2026-03-31")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def community():
    ann, bob, cy = person("Ann Author", consent=True), person("Bob Reviewer"), person("Cy Quiet")
    for p in (ann, bob, cy):
        act(p, "commit", at(6, 1, year=2025))  # not newcomers
    pr = act(ann, "pull-request", at(3, 5), merged=True, title="Faster start-up")
    act(bob, "review", at(3, 4), contribution_type="review", parent=pr, extra={"state": "CHANGES_REQUESTED"})
    act(cy, "commit", at(3, 9), title="Tidy the changelog", contribution_type="doc")
    return ann, bob, cy


def test_suggest_then_list_as_json(capsys, community):
    code, out, _ = run(capsys, "highlights", "suggest", *MARCH)
    assert code == 0 and "2 new suggestions, 0 already made before" in out
    code, out, _ = run(capsys, "highlights", "list", "--json")
    items = json.loads(out)
    assert code == 0 and isinstance(items, list)
    assert sorted((i["kind"], i["status"], i["person"]) for i in items) == [
        ("merged-after-review", "suggested", "Ann Author"), ("review", "suggested", "Bob Reviewer")]
    assert all(i["why"] and i["reason"] and len(i["activities"]) == 1 for i in items)
    code, out, _ = run(capsys, "highlights", "list", "--json", "--status", "confirmed")
    assert json.loads(out) == []


def test_suggest_with_confirm(capsys, community):
    code, out, _ = run(capsys, "highlights", "suggest", *MARCH, "--confirm")
    assert code == 0 and "2 confirmed" in out
    assert set(Highlight.objects.values_list("status", flat=True)) == {HighlightStatus.CONFIRMED}
    assert all(label.startswith("command line") for label in Highlight.objects.values_list("decided_label", flat=True))


def test_digest_in_each_format(capsys, community):
    run(capsys, "highlights", "suggest", *MARCH, "--confirm")
    code, markdown, _ = run(capsys, "digest", *MARCH, "--format", "markdown")
    assert code == 0 and markdown.startswith("# Great stuff happening: March 2026")
    assert "Faster start-up" in markdown and "Ann Author" in markdown
    assert "Bob Reviewer" not in markdown and "a contributor" in markdown  # Bob did not consent
    code, html, _ = run(capsys, "digest", *MARCH, "--format", "html")
    assert code == 0 and html.lstrip().lower().startswith("<!doctype html>") and "Faster start-up" in html
    code, mail, _ = run(capsys, "digest", *MARCH, "--format", "email", "--to", "list@example.org")
    assert code == 0 and "multipart/alternative" in mail and "text/html" in mail and "text/plain" in mail
    assert "To: list@example.org" in mail and "Subject: Great stuff happening: March 2026" in mail


def test_digest_email_send_delivers_one_message(capsys, community, mailoutbox):
    run(capsys, "highlights", "suggest", *MARCH, "--confirm")
    code, _, err = run(capsys, "digest", *MARCH, "--format", "email", "--send", "--to", "list@example.org")
    assert code == 0 and "digest sent to list@example.org" in err
    [sent] = mailoutbox
    assert sent.to == ["list@example.org"] and "Faster start-up" in sent.body


def test_concentration_figures_as_json(capsys, community):
    run(capsys, "highlights", "suggest", *MARCH, "--confirm")
    code, out, _ = run(capsys, "fairness", *MARCH, "--json")
    figures = json.loads(out)
    assert code == 0
    for key in ("recognition_gini", "activity_gini", "top10_recognition_share", "top10_activity_share"):
        assert isinstance(figures[key], (int, float)) and 0 <= figures[key] <= 1, key
    assert figures["unthanked_people"] == 1  # Cy: active, never thanked or highlighted
    assert isinstance(figures["unthanked_people"], int)
    assert figures["recognised_types"] == ["code", "review"]
    assert figures["active_people"] == 3 and figures["recognised_people"] == 2


def test_thanks_suggest_as_json(capsys, community):
    ann, *_ = community
    code, out, _ = run(capsys, "thanks", "suggest", str(ann.pk), "--json")
    data = json.loads(out)
    assert code == 0 and data["person_id"] == ann.pk and data["remaining_budget"] is None
    assert data["suggestions"] and all(s["free"] and s["cost"] == "0" for s in data["suggestions"])
    assert "personal-message" in [s["kind"] for s in data["suggestions"]]


def test_budget_then_a_paid_thank_you(capsys, community):
    ann, *_ = community
    run(capsys, "highlights", "suggest", *MARCH, "--confirm")
    mine = Highlight.objects.get(person=ann)
    today = timezone.localdate()
    period = ("--since", str(today - dt.timedelta(days=10)), "--until", str(today + dt.timedelta(days=10)))
    code, out, _ = run(capsys, "thanks", "budget", "Donations", *period, "--amount", "100")
    assert code == 0 and "Donations: 100.00 EUR" in out and "100.00 left" in out
    code, out, err = run(capsys, "thanks", "record", str(ann.pk), "swag", "--highlight", str(mine.pk),
                         "--cost", "30", "--fund", "Donations")
    assert code == 0, err
    t = Thanks.objects.get()
    assert (t.person_id, t.kind, str(t.cost), t.fund.name) == (ann.pk, "swag", "30.00", "Donations")
    assert list(t.highlights.all()) == [mine] and f"thanks {t.pk} recorded" in out
    code, out, _ = run(capsys, "thanks", "budget", "Donations", *period, "--amount", "100")
    spent, left = re.search(r"; (\S+) spent, (\S+) left", out).groups()
    assert (Decimal(spent), Decimal(left)) == (Decimal("30"), Decimal("70"))
    code, out, _ = run(capsys, "thanks", "suggest", str(ann.pk), "--json")
    assert json.loads(out)["remaining_budget"] == "70.00"


def test_paid_thanks_without_a_fund_or_with_an_unknown_fund_fail(capsys, community):
    ann, *_ = community
    run(capsys, "highlights", "suggest", *MARCH)
    mine = Highlight.objects.get(person=ann)
    for extra in ((), ("--fund", "Nowhere")):
        code, out, err = run(capsys, "thanks", "record", str(ann.pk), "swag", "--highlight", str(mine.pk),
                             "--cost", "30", *extra)
        assert code == 1 and err.count("\n") == 1 and err.startswith("seedbed: error: ")
    assert not Thanks.objects.exists()


@pytest.mark.parametrize("command", [("highlights", "suggest"), ("digest",), ("fairness", "--json")])
def test_a_bad_date_is_one_line_naming_the_option(capsys, command):
    code, out, err = run(capsys, *command, "--since", "2026-13-01", "--until", "2026-03-31")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("seedbed: error: ") and "--since" in err and "2026-13-01" in err


def test_a_period_ending_before_it_starts_fails(capsys):
    code, out, err = run(capsys, "highlights", "suggest", "--since", "2026-03-31", "--until", "2026-03-01")
    assert code == 1 and out == "" and err.count("\n") == 1 and "before it starts" in err
    assert not Highlight.objects.exists()


def test_a_thank_you_for_an_activity_with_its_date_and_arrival(capsys, community):
    ann, *_ = community
    work = Activity.objects.filter(identity__person=ann).order_by("pk").first()
    code, out, err = run(capsys, "thanks", "record", str(ann.pk), "personal-message", "--activity", str(work.pk),
                         "--given-on", "2026-03-20", "--arrived", "yes")
    assert code == 0, err
    t = Thanks.objects.get()
    assert (list(t.activities.all()), str(t.given_on), t.arrived) == ([work], "2026-03-20", True)
    for bad in (("--activity", "999999"), ("--activity", str(work.pk), "--given-on", "20260320")):
        code, out, err = run(capsys, "thanks", "record", str(ann.pk), "personal-message", *bad)
        assert code == 1 and err.count("\n") == 1
    code, out, err = run(capsys, "thanks", "budget", "Fund", "--since", "2026-01-01", "--until", "2026-12-31",
                         "--amount", "nan")
    assert code == 1 and "not an amount of money" in err and err.count("\n") == 1
