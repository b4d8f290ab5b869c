"""Use cases over all import sources: list them, and re-run every one incrementally (`sync`)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count

from seedbed.activity.models import Source
from seedbed.importers.errors import ImportFailed
from seedbed.importers.file_kinds import BY_KIND
from seedbed.importers.progress import Progress


def _git(source: Source, progress: Progress):
    from seedbed.importers.git import import_repository

    return import_repository(source.location, progress=progress)


def _mbox(source: Source, progress: Progress):
    from seedbed.importers.mbox import import_mbox

    return import_mbox(source.location, list_name=source.name, progress=progress)


def _gharchive(source: Source, progress: Progress):
    from seedbed.importers.gharchive import import_gharchive

    orgs = [p[4:] for p in source.location.split() if p.startswith("org:")]
    repos = [p[5:] for p in source.location.split() if p.startswith("repo:")]
    _, files = import_gharchive(source.cursor.get("paths", []), orgs=orgs, repos=repos, progress_for=lambda f: progress)
    return _Counted(sum(f.stored.created for f in files), all(f.unchanged for f in files))


def _file(source: Source, progress: Progress):
    # the kind's own options (zulip's --instance), as the last import kept them
    options = source.cursor.get("options") if isinstance(source.cursor, dict) else None
    # and --skip-bad: a file imported with it has bad parts, which would fail every later run
    skip_bad = bool(source.cursor.get("skip_bad", False)) if isinstance(source.cursor, dict) else False
    result = BY_KIND[source.kind].importer()(source.location, progress=progress, skip_bad=skip_bad,
                                             **(options if isinstance(options, dict) else {}))
    return _Counted(result.stored.created, result.unchanged)


@dataclass
class _Counted:
    created: int
    unchanged: bool


# kind -> how to re-run it from what the source remembers; kinds not here (the demo's
# generated sources, say) have nothing to sync
SYNC: dict[str, Callable] = {"git": _git, "mbox": _mbox, "gharchive": _gharchive,
                             **{kind: _file for kind in BY_KIND}}


def listing():
    """Every source, with how many activities it brought."""
    return Source.objects.annotate(activities_count=Count("activities")).order_by("kind", "location")


def summary(cursor: dict) -> str:
    """The cursor in a few words, for a person."""
    if "tips" in cursor:
        return f"{len(cursor['tips'])} ref tips"
    if "files" in cursor:
        return f"{len(cursor['files'])} files"
    if "counts" in cursor:
        return ", ".join(f"{n:,} {what}" for what, n in sorted(cursor["counts"].items())) or "empty"
    if "messages" in cursor:
        done = "complete" if cursor.get("complete") else "interrupted: the next run finishes it"
        return f"{cursor['messages']} messages, {done}"
    return "—"


@dataclass
class Synced:
    source: Source
    ok: bool
    detail: str


def sync(progress_for: Callable[[Source], Progress]) -> list[Synced]:
    """Re-run every source that can be; one that fails is reported and the others still run."""
    out = []
    for source in Source.objects.order_by("kind", "location"):
        run = SYNC.get(source.kind)
        if run is None:
            continue
        try:
            result = run(source, progress_for(source))
        except ImportFailed as exc:
            out.append(Synced(source, False, str(exc)))
            continue
        created = getattr(result, "activities_created", getattr(result, "created", 0))
        out.append(Synced(source, True, "unchanged" if getattr(result, "unchanged", False) else f"{created} new"))
    return out
