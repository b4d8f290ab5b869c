"""The ``seedbed`` command: parses arguments, calls services, prints. Nothing else."""
from __future__ import annotations

import argparse
import json
import os
import sys


def _setup_django(migrate: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seedbed.settings")
    import django

    django.setup()
    if migrate:
        from seedbed.core.services import ensure_migrated

        ensure_migrated()


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


def _progress(desc: str):
    from seedbed.importers.progress import Silent

    return _Bar(desc) if sys.stderr.isatty() else Silent()


def cmd_import_git(args) -> int:
    return _import_git(args.paths, use_mailmap=not args.no_mailmap)


def _import_git(paths: list[str], use_mailmap: bool = True) -> int:
    from seedbed.importers.git import import_repository

    for path in paths:
        result = import_repository(
            path, use_mailmap=use_mailmap, progress=_progress(os.path.basename(os.path.abspath(path))),
            count_first=sys.stderr.isatty(),
        )
        how = "new commits" if result.incremental else "commits"
        print(
            f"{result.repository}: {result.commits_seen} {how}, {result.activities_created} activities added, "
            f"{result.identities_created} new identities, {result.mailmap_merges} .mailmap merges"
        )
    return 0


def cmd_stats(args) -> int:
    from seedbed.activity.services import community_stats

    stats = community_stats()
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
    else:
        print(f"people      {stats['people']:>10,}")
        print(f"identities  {stats['identities']:>10,}")
        print(f"activities  {stats['activities']:>10,}")
        for kind, n in sorted(stats["activities_by_kind"].items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {kind:<20}{n:>10,}")
    return 0


def cmd_identities_export(args) -> int:
    from seedbed.people.exports import write_identities_tsv

    write_identities_tsv(sys.stdout)
    return 0


def cmd_serve(args) -> int:
    from seedbed.core.serve import serve

    serve(port=args.port)
    return 0


def cmd_demo(args) -> int:
    from seedbed.core.serve import serve
    from seedbed.demo.services import DEMO_LOGINS, build_demo

    result = build_demo(rebuild=args.rebuild, progress=_progress("demo"), echo=lambda m: print(m, file=sys.stderr))
    print(result.summary)
    if args.git:
        _import_git(args.git)
    url = f"http://127.0.0.1:{args.port}/"
    print("\nDemo logins (password 'demo' for each):")
    for username, role in DEMO_LOGINS:
        print(f"  {username:<10} {role}")
    if args.no_serve:
        return 0
    print(f"\nSeedbed is serving the demo community at {url}  (Ctrl-C to stop)")
    serve(port=args.port)
    return 0


def _manage(argv: list[str]) -> int:
    _setup_django(migrate=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["seedbed manage", *argv])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seedbed",
        description="Seedbed: know your contributors, recognise contributions, grow leaders. "
        "The database is SEEDBED_DB (default ./seedbed.sqlite3), or DATABASE_URL when set.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="build the demo community and serve it")
    demo.add_argument("--no-serve", action="store_true", help="build the demo and exit")
    demo.add_argument("--git", action="append", metavar="PATH", help="also import this git repository")
    demo.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    demo.add_argument("--rebuild", action="store_true", help="throw away an earlier demo and build it afresh")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve the web UI on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.set_defaults(func=cmd_serve)

    imp = sub.add_parser("import", help="import community activity")
    imp_sub = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    git = imp_sub.add_parser("git", help="a git repository (bare or not): every commit of every ref")
    git.add_argument("paths", nargs="+", metavar="PATH")
    git.add_argument("--no-mailmap", action="store_true", help="ignore the repository's own .mailmap")
    git.set_defaults(func=cmd_import_git)

    stats = sub.add_parser("stats", help="counts of people, identities and activities")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats)

    ids = sub.add_parser("identities", help="identities of people")
    ids_sub = ids.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = ids_sub.add_parser("export", help="TSV: person_id, source, name, email, username")
    export.set_defaults(func=cmd_identities_export)

    sub.add_parser("manage", help="Django's management commands (seedbed manage help)", add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["manage"]:
        return _manage(argv[1:])
    args = build_parser().parse_args(argv)
    from seedbed.core.errors import SeedbedError

    try:
        _setup_django()
        return args.func(args)
    except SeedbedError as exc:
        print(f"seedbed: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (e.g. `seedbed identities export | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("seedbed: interrupted", file=sys.stderr)
        return 130
