"""Shared by the Perceval importer's tests: the samples, the command line, what the database holds.

The samples and their answer key are in tests/data/perceval (README.md). Expected facts are
read from the sample lines themselves wherever they can be, so that the tests say what the
answer key says rather than what the importer happens to do.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "perceval"
MBOX_SAMPLES = Path(__file__).resolve().parent.parent / "data" / "mbox"
REPO = "marigold-dev/marigold"


def sample(name: str) -> Path:
    return SAMPLES / name


def lines(name: str) -> list[dict]:
    """The decoded lines of a sample (json keeps lone surrogates as they are)."""
    return [json.loads(line) for line in sample(name).read_text(encoding="ascii").splitlines() if line.strip()]


def data(name: str) -> list[dict]:
    return [line["data"] for line in lines(name)]


def copy(name: str, folder: Path, as_name: str | None = None) -> Path:
    target = folder / (as_name or name)
    shutil.copyfile(sample(name), target)
    return target


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run `seedbed ARGS` in this process (the test database); (exit status, stdout, stderr)."""
    from seedbed.cli import main

    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def imported(capsys, *names: str) -> str:
    """Import samples with `seedbed import perceval`; they must succeed. Returns stdout."""
    code, out, err = cli(capsys, "import", "perceval", *[sample(n) for n in names])
    assert code == 0, err
    return out


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.timezone.utc)


def rows(platform: str | None = None) -> dict[str, dict]:
    """Activities by key, with their author, parent and everything an import sets."""
    from seedbed.activity.models import Activity

    found = Activity.objects.all() if platform is None else Activity.objects.filter(platform=platform)
    out = {}
    for a in found.select_related("identity", "identity__person", "parent"):
        out[a.key] = dict(
            kind=a.kind, type=a.contribution_type, parent=a.parent.key if a.parent else None, parent_key=a.parent_key,
            thread=a.thread_key, merged=a.merged, accepted=a.accepted, reactions=a.reactions,
            replies=a.replies_received, reviewed_by=a.reviewed_by, extra=a.extra, title=a.title, body=a.body,
            size=a.size, files=a.files_changed, added=a.lines_added, removed=a.lines_removed,
            occurred_at=a.occurred_at, channel=a.channel, platform=a.platform,
            who=(a.identity.source_kind, a.identity.source_instance, a.identity.key),
            username=a.identity.username, name=a.identity.name, email=a.identity.email,
            is_bot=a.identity.is_bot, person_kind=a.identity.person.kind,
        )
    return out


def snapshot() -> dict:
    """The whole of what imports write, without database ids."""
    from seedbed.activity.models import Activity, Source
    from seedbed.people.models import Identity, Person

    return {
        "activities": sorted(
            (a["platform"], a["key"], a["kind"], a["contribution_type"], a["parent__key"] or "", a["merged"],
             a["accepted"], a["reactions"], a["replies_received"], json.dumps(a["reviewed_by"]),
             json.dumps(a["extra"], sort_keys=True), a["title"], a["body"], a["size"], a["identity__key"])
            for a in Activity.objects.values(
                "platform", "key", "kind", "contribution_type", "parent__key", "merged", "accepted", "reactions",
                "replies_received", "reviewed_by", "extra", "title", "body", "size", "identity__key")),
        "identities": sorted(Identity.objects.values_list("source_kind", "source_instance", "key", "name", "email",
                                                          "username", "is_bot")),
        "people": sorted(Person.objects.values_list("display_name", "kind", "merged_into__display_name")),
        "sources": sorted(Source.objects.values_list("kind", "location", "status")),
    }


def counts() -> tuple[int, int, int]:
    from seedbed.activity.models import Activity, Source
    from seedbed.people.models import Identity

    return Activity.objects.count(), Source.objects.count(), Identity.objects.count()


# ---- facts from the samples ------------------------------------------------------------

PERSON = re.compile(r"^\s*(.*?)\s*<([^<>]*)>\s*$")


def signature(text: str) -> tuple[str, str]:
    found = PERSON.match(text)
    assert found, text
    return found.group(1), found.group(2)


def git_date(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%a %b %d %H:%M:%S %Y %z").astimezone(dt.timezone.utc)


def slack_key(item: dict) -> str:
    return f"{item['channel_info']['id']}:{item['ts']}"


def message_ids(name: str) -> list[str]:
    return [d["Message-ID"] for d in data(name)]
