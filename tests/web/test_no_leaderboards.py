"""No page, export or command output ranks people by activity volume by default (product rule 2).

Four people whose activity volumes follow neither their names nor their dates,
each recognised, thanked and helping others, so that they appear together on the lists.
On every page a steward can open, and in every listing command's output, the order in
which the names first appear must not be the order of their volumes.
"""
import io
import json
from contextlib import redirect_stdout
from datetime import date, timedelta

import pytest
from django.utils import timezone

from seedbed.cli import main
from seedbed.recognition.models import Digest, Highlight, Thanks
from tests.web.test_permissions import site_pages

VOLUMES = {"Ada Quill": 24, "Bea Ruiz": 6, "Cy Osei": 48, "Dee Park": 12}  # neither name order nor its reverse
# Dates follow neither the names nor the volumes, so that ordering by a date, either way,
# cannot look like (or hide) a ranking by volume.
SHUFFLE = {"Dee Park": 0, "Cy Osei": 1, "Bea Ruiz": 2, "Ada Quill": 3}
BY_VOLUME = sorted(VOLUMES, key=VOLUMES.get, reverse=True)


@pytest.fixture
def crowd(alice, make_person, make_identity, make_activity):
    people = {}
    for name, volume in VOLUMES.items():
        person = make_person(name, consent_public_listing=True)
        identity = make_identity(person, source_kind="discourse", username=name.split()[0].lower(), name=name)
        for i in range(volume):
            kind, ctype = ("answer", "question") if i % 2 else ("review", "review")
            last = make_activity(identity, kind=kind, contribution_type=ctype, platform="discourse",
                                 days_ago=1 + SHUFFLE[name] + i / 100, url=f"https://forum.example/{name[:3]}/{i}")
        highlight = Highlight.objects.create(kind="support", status="confirmed", person=person,
                                             title=f"Answer by {name}", why="It solved a problem.",
                                             contribution_type="question", occurred_at=last.occurred_at)
        highlight.activities.add(last)
        Thanks.objects.create(person=person, kind="personal-message", given_on=date.today() - timedelta(days=400 + SHUFFLE[name]))
        people[name] = person
    digest = Digest.objects.create(since=timezone.localdate() - timedelta(days=30), until=timezone.localdate(),
                                   title="This month", status="published")
    digest.highlights.set(Highlight.objects.all())
    return {"people": people, "digest": digest}


def first_appearances(text: str) -> list[str]:
    found = [(text.find(name), name) for name in VOLUMES if name in text]
    return [name for _, name in sorted(found)]


def assert_not_a_leaderboard(where: str, text: str) -> None:
    order = first_appearances(text)
    if len(order) >= 3:
        by_volume = [n for n in BY_VOLUME if n in order]
        assert order not in (by_volume, by_volume[::-1]), f"{where} lists people by activity volume: {order}"


def pages(crowd):
    digest = crowd["digest"].pk
    samples = {"recognition:digest_edit": {"pk": digest}, "digests:detail": {"pk": digest}}
    for name, route, view in site_pages():
        if "<" not in route:
            yield f"/{route}"
        elif name in samples:
            from django.urls import reverse

            yield reverse(name, kwargs=samples[name])


def test_no_page_ranks_people_by_volume(steward_client, crowd):
    listed_somewhere = 0
    for url in pages(crowd):
        response = steward_client.get(url)
        if response.status_code != 200:
            continue
        text = response.content.decode()
        assert_not_a_leaderboard(url, text)
        listed_somewhere += len(first_appearances(text)) >= 3
    # the check must have bitten somewhere: directory, highlights, digests, fairness, sharers, ledger...
    assert listed_somewhere >= 5


def test_the_check_catches_a_ranking():
    ranked = "".join(f"<li>{name}</li>" for name in BY_VOLUME)
    with pytest.raises(AssertionError):
        assert_not_a_leaderboard("a ranked list", ranked)


@pytest.mark.parametrize("command", [
    ["highlights", "list", "--json"],
    ["sharers", "--since", "2000-01-01", "--until", "2100-01-01", "--json"],
    ["digest", "--since", "2000-01-01", "--until", "2100-01-01"],
    ["identities", "export"],
])
def test_no_command_output_ranks_people_by_volume(crowd, command):
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(command) == 0
    text = out.getvalue()
    if command[-1] == "--json":
        json.loads(text)  # and it is valid JSON
    assert_not_a_leaderboard(" ".join(command), text)
    assert len(first_appearances(text)) >= 3
