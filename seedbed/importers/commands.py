"""The import commands of ``seedbed``: ``import KIND …``, ``sources`` and ``sync``.

Thin, like seedbed.cli: parse, call a service, print. Django is set up by seedbed.cli
before a handler runs, so imports of Django code stay inside the handlers.
"""
from __future__ import annotations

import json
import os
import sys

from seedbed.core.errors import SeedbedError
from seedbed.importers import file_kinds


class _Bar:
    """A tqdm progress bar on a terminal; nothing at all otherwise."""

    def __init__(self, desc: str):
        self.desc, self.bar = desc, None

    def start(self, total, unit):
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit=f" {unit}", desc=self.desc, file=sys.stderr, dynamic_ncols=True)

    def advance(self, n=1):
        if self.bar is not None:
            self.bar.update(n)

    def finish(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def progress_bar(desc: str):
    from seedbed.importers.progress import Silent

    return _Bar(desc) if sys.stderr.isatty() else Silent()


def cmd_import_git(args) -> int:
    return import_git(args.paths, use_mailmap=not args.no_mailmap)


def import_git(paths: list[str], use_mailmap: bool = True) -> int:
    from seedbed.importers.git import import_repository

    for path in paths:
        result = import_repository(
            path, use_mailmap=use_mailmap, progress=progress_bar(os.path.basename(os.path.abspath(path))),
            count_first=sys.stderr.isatty(),
        )
        how = "new commits" if result.incremental else "commits"
        print(
            f"{result.repository}: {result.commits_seen} {how}, {result.activities_created} activities added, "
            f"{result.identities_created} new identities, {result.mailmap_merges} .mailmap merges"
        )
        print_resolved(result.resolved)
    return 0


def print_resolved(run) -> None:
    if run.identities:
        pending = f"; {run.proposed} proposed for review (seedbed people merges)" if run.proposed else ""
        print(f"identity resolution: {run.identities} identities, {run.merged} merged automatically{pending}")


def cmd_import_mbox(args) -> int:
    from seedbed.importers.mbox import import_mbox

    for path in args.files:
        result = import_mbox(path, list_name=args.list or "", skip_bad=args.skip_bad,
                             progress=progress_bar(os.path.basename(path)))
        if result.unchanged:
            print(f"{result.path}: unchanged since it was imported ({result.messages} messages, list "
                  f"{result.channel})" + (f"; --list {args.list} does not rename it" if args.list and
                                          args.list != result.channel else ""))
            continue
        for bad in result.skipped:
            print(f"seedbed: skipped {path}: {bad}", file=sys.stderr)
        print(f"{result.path}: {result.messages} messages, {result.created} new, {len(result.skipped)} skipped, "
              f"{result.identities_created} new identities")
        print_resolved(result.resolved)
    return 0


def cmd_import_gharchive(args) -> int:
    from seedbed.importers.gharchive import import_gharchive

    if not (args.org or args.repo or args.all):
        raise SeedbedError("name what to import: --org OWNER, --repo OWNER/NAME (each may repeat), or --all")
    source, results = import_gharchive(args.paths, orgs=args.org or (), repos=args.repo or (), skip_bad=args.skip_bad,
                                       progress_for=lambda f: progress_bar(f.name))
    for r in results:
        if r.unchanged:
            print(f"{r.path}: unchanged since it was imported")
            continue
        for bad in r.skipped:
            print(f"seedbed: skipped {r.path}: {bad}", file=sys.stderr)
        s = r.stored
        print(f"{r.path}: {r.lines:,} events, {s.items:,} about {source.location}: {s.created:,} new, "
              f"{s.updated:,} updated, {len(r.skipped)} skipped, {s.identities_created} new identities")
        print_resolved(s.resolved)
    if not results:
        print("no GH Archive files (*.json.gz, *.json) there")
    return 0


def cmd_import_files(args) -> int:
    """Any of the file importers in ``file_kinds``: one line per file, what was read and saved."""
    from seedbed.importers.file_kinds import BY_KIND

    kind = BY_KIND[args.kind]
    importer = kind.importer()
    options = {o.dest: getattr(args, o.dest) for o in kind.options if getattr(args, o.dest) is not None}
    for path in args.files:
        r = importer(path, skip_bad=args.skip_bad, progress=progress_bar(os.path.basename(path)), **options)
        counted = {what: n for what, n in r.counts.items() if not what.startswith("unsupported:")}
        lines = counted.pop("lines", None)
        size = f"{lines:,} lines" if lines is not None else "read"
        if r.unchanged:
            print(f"{r.path}: unchanged since it was imported ({size})")
            continue
        for bad in r.skipped:
            print(f"seedbed: skipped {path}: {bad}", file=sys.stderr)
        for note in r.notes:
            print(f"seedbed: {path}: {note}", file=sys.stderr)
        for what, n in sorted(r.counts.items()):
            if what.startswith("unsupported:"):
                print(f"seedbed: {path}: {n:,} items of backend {what[12:]} not imported (Seedbed reads "
                      "git, github, gitlab, discourse, mbox, pipermail, slack and meetup)", file=sys.stderr)
        read = ", ".join(f"{n:,} {what}" for what, n in sorted(counted.items())) or "nothing to import"
        s = r.stored
        print(f"{r.path}: {size} ({read}): {s.created:,} new activities, {s.updated:,} updated, "
              f"{len(r.skipped)} skipped, {s.identities_created} new identities")
        print_resolved(s.resolved)
    return 0


def _print_plan(path: str, planned, what: str) -> None:
    for column in planned.ignored:
        print(f"seedbed: {path}: column {column!r} is not something Seedbed imports: left out", file=sys.stderr)
    for bad in planned.skipped:
        print(f"seedbed: skipped {path}: {bad}", file=sys.stderr)
    for change in planned.changes:
        print(change)
    for kept in planned.kept:
        print(f"{kept}: kept")
    verb = "changed" if planned.applied else "would change (dry run: nothing was written)"
    print(f"{path}: {len(planned.changes)} {what} {verb}" if planned.changes else f"{path}: nothing to change")


def cmd_import_people(args) -> int:
    from seedbed.importers.spreadsheet import import_people

    planned = import_people(args.file, dry_run=args.dry_run, skip_bad=args.skip_bad, group_kind=args.group_kind)
    _print_plan(args.file, planned, "things")
    return 0


def cmd_import_notes(args) -> int:
    from seedbed.importers.spreadsheet import import_notes

    planned = import_notes(args.file, dry_run=args.dry_run, skip_bad=args.skip_bad)
    _print_plan(args.file, planned, "notes")
    return 0


def cmd_sources(args) -> int:
    from seedbed.importers.sources import listing, summary

    rows = [{"id": s.pk, "kind": s.kind, "location": s.location, "name": s.name, "status": s.status,
             "last_run_at": s.last_run_at.isoformat() if s.last_run_at else None, "cursor": s.cursor,
             "activities": s.activities_count, "error": s.error} for s in listing()]
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    for r in rows:
        when = r["last_run_at"][:16].replace("T", " ") if r["last_run_at"] else "never"
        print(f"{r['id']:>4}  {r['kind']:<9} {r['status']:<8} {when:<16}  {r['activities']:>9,} activities  "
              f"{summary(r['cursor'])}  {r['location']}" + (f"\n      error: {r['error']}" if r["error"] else ""))
    if not rows:
        print("no sources yet: import something with `seedbed import …`")
    return 0


def cmd_sync(args) -> int:
    from seedbed.importers.sources import sync

    results = sync(lambda source: progress_bar(os.path.basename(source.location) or source.kind))
    for r in results:
        print(f"{r.source.kind} {r.source.location}: {r.detail}", file=sys.stdout if r.ok else sys.stderr)
    if not results:
        print("nothing to sync: no imported sources yet")
    return 0 if all(r.ok for r in results) else 1


def register(sub) -> None:
    """Add the import commands to the ``seedbed`` parser's subcommands."""
    imp = sub.add_parser("import", help="import community activity")
    imp_sub = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    git = imp_sub.add_parser("git", help="a git repository (bare or not): every commit of every ref")
    git.add_argument("paths", nargs="+", metavar="PATH")
    git.add_argument("--no-mailmap", action="store_true", help="ignore the repository's own .mailmap")
    git.set_defaults(func=cmd_import_git)
    mbox = imp_sub.add_parser("mbox", help="mailing-list archives: mbox (plain or .gz), Pipermail .txt(.gz), HyperKitty")
    mbox.add_argument("files", nargs="+", metavar="FILE")
    mbox.add_argument("--list", metavar="NAME", help="the list's name (default: its List-Id, else the file name)")
    mbox.add_argument("--skip-bad", action="store_true", help="report unreadable messages and import the rest")
    mbox.set_defaults(func=cmd_import_mbox)
    gha = imp_sub.add_parser("gharchive", help="GH Archive hourly files (.json.gz) or folders of them, "
                             "filtered by organisation or repository")
    gha.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    gha.add_argument("--org", action="append", metavar="OWNER", help="events of this owner's repositories (repeatable)")
    gha.add_argument("--repo", action="append", metavar="OWNER/NAME", help="events of this repository (repeatable)")
    gha.add_argument("--all", action="store_true", help="every repository: a whole hour of GitHub")
    gha.add_argument("--skip-bad", action="store_true", help="report unreadable lines and import the rest")
    gha.set_defaults(func=cmd_import_gharchive)
    for kind in file_kinds.KINDS:
        one = imp_sub.add_parser(kind.kind, help=kind.help)
        one.add_argument("files", nargs="+", metavar=kind.metavar)
        one.add_argument("--skip-bad", action="store_true", help="report unreadable parts and import the rest")
        for option in kind.options:
            one.add_argument(option.flag, dest=option.dest, metavar=option.metavar, help=option.help)
        one.set_defaults(func=cmd_import_files)
    ppl = imp_sub.add_parser("people", help="people from a spreadsheet (CSV): names, e-mails, accounts, time zones, "
                             "interests, groups")
    ppl.add_argument("file", metavar="FILE")
    ppl.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
    ppl.add_argument("--skip-bad", action="store_true", help="report bad rows and import the rest")
    ppl.add_argument("--group-kind", default="working-group",
                     choices=["local-team", "user-group", "affinity-group", "working-group"],
                     help="the kind of the groups the file names that do not exist yet (default working-group)")
    ppl.set_defaults(func=cmd_import_people)
    nts = imp_sub.add_parser("notes", help="private notes about people from a spreadsheet (CSV)")
    nts.add_argument("file", metavar="FILE")
    nts.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
    nts.add_argument("--skip-bad", action="store_true", help="report bad rows and import the rest")
    nts.set_defaults(func=cmd_import_notes)

    sources = sub.add_parser("sources", help="the import sources: last run, cursor, status")
    sources.add_argument("--json", action="store_true", help="print JSON")
    sources.set_defaults(func=cmd_sources)
    sync_ = sub.add_parser("sync", help="re-run every import source incrementally")
    sync_.set_defaults(func=cmd_sync)
