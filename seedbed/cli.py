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


def cmd_people_resolve(args) -> int:
    from seedbed.people.merging import run_resolver

    from seedbed.importers.commands import print_resolved

    run = run_resolver(None)
    print_resolved(run)
    if not run.identities:
        print("identity resolution: no identities yet")
    return 0


def cmd_people_merges(args) -> int:
    from seedbed.core.errors import SeedbedError
    from seedbed.people import merging
    from seedbed.people.models import MergeRecord
    from seedbed.people.services import undo_merge

    if args.merge_action and args.id is None:
        raise SeedbedError(f"`seedbed people merges {args.merge_action}` needs the ID of a "
                           + ("merge (see --history)" if args.merge_action == "undo" else "proposal"))
    who = f"command line ({os.environ.get('USER', 'unknown user')})"
    if args.merge_action == "accept":
        record = merging.accept_proposal(args.id, actor_label=who)
        print(f"merged {record.absorbed} into {record.survivor} (merge {record.pk}; undo with "
              f"`seedbed people merges undo {record.pk}`)")
    elif args.merge_action == "reject":
        merging.reject_proposal(args.id)
        print(f"proposal {args.id} rejected: these people stay apart")
    elif args.merge_action == "unsure":
        merging.mark_unsure(args.id)
        print(f"proposal {args.id} marked not sure")
    elif args.merge_action == "undo":
        record = MergeRecord.objects.filter(pk=args.id).select_related("survivor", "absorbed").first()
        if record is None:
            raise SeedbedError(f"there is no merge {args.id} (see `seedbed people merges --history`)")
        undo_merge(record)
        print(f"merge {record.pk} undone: {record.absorbed} and {record.survivor} are two people again")
    elif args.history:
        _print_history(merging.history(), args.json)
    else:
        _print_proposals(merging.pending_proposals(), args.json)
    return 0


def cmd_people_erase(args) -> int:
    from seedbed.core.errors import SeedbedError
    from seedbed.people.erasure import erase
    from seedbed.people.models import Person

    person = Person.objects.filter(pk=args.id).first()
    if person is None:
        raise SeedbedError(f"there is no person {args.id}")
    if not args.yes:
        raise SeedbedError(f"erasing {person.display_name} (person {person.pk}) cannot be undone by anyone: "
                           f"run `seedbed people erase {person.pk} --yes` to do it")
    who = f"command line ({os.environ.get('USER', 'unknown user')})"
    result = erase(person, actor_label=who)
    print(f"person {args.id} erased: {result.identities} identities removed, {result.activities_kept} activities "
          f"kept as the erased contributor, {result.suppressed} keys on the suppression list")
    return 0


def _print_proposals(proposals, as_json: bool) -> None:
    from seedbed.people.merging import proposal_sides_many

    proposals = list(proposals.order_by("-confidence", "id"))
    every_side = proposal_sides_many(proposals)
    rows = []
    for p in proposals:
        sides = {}
        for side, seen in every_side[p.pk].items():
            person = seen["person"]
            sides[side] = {"person_id": person.pk, "name": person.display_name, "identities": [
                {"source": i.source_kind, "name": i.name, "email": i.email, "username": i.username}
                for i in seen["identities"]
            ]}
        rows.append({"id": p.pk, "status": p.status, "confidence": p.confidence, "reasons": p.reasons, **sides})
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        print("no merge proposals waiting for review")
    for row in rows:
        unsure = " (not sure)" if row["status"] == "unsure" else ""
        print(f"proposal {row['id']}{unsure}: {row['confidence']:.0%} that these are one person")
        for side in ("a", "b"):
            person = row[side]
            sigs = ", ".join(
                f"{i['name'] or i['username']} <{i['email']}>" if i["email"] else (i["name"] or i["username"])
                for i in person["identities"][:4]
            )
            more = f" and {len(person['identities']) - 4} more" if len(person["identities"]) > 4 else ""
            print(f"  person {person['person_id']} {person['name']}: {sigs}{more}")
        for reason in row["reasons"]:
            print(f"  - {reason}")


def _print_history(records, as_json: bool) -> None:
    rows = [
        {"id": r.pk, "created_at": r.created_at.isoformat(), "survivor_id": r.survivor_id, "survivor": str(r.survivor),
         "absorbed_id": r.absorbed_id, "absorbed": str(r.absorbed), "method": r.method, "confidence": r.confidence,
         "confirmed": r.confirmed, "by": str(r.actor or r.actor_label), "reason": r.reason,
         "undone_at": r.undone_at.isoformat() if r.undone_at else None}
        for r in records
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        undone = f"  [undone {row['undone_at'][:16]}]" if row["undone_at"] else ""
        print(f"merge {row['id']}  {row['created_at'][:16]}  {row['absorbed']} -> {row['survivor']}  "
              f"{row['method']} {row['confidence']:.0%} by {row['by']}{undone}\n    {row['reason']}")


def cmd_identities_mailmap(args) -> int:
    from seedbed.people.mailmaps import write_mailmap

    if args.output:
        import tempfile

        directory = os.path.dirname(os.path.abspath(args.output))
        with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, encoding="utf-8", suffix=".tmp") as tmp:
            entries = write_mailmap(tmp)
        os.replace(tmp.name, args.output)  # never a half-written .mailmap
        print(f"{args.output}: {entries} entries", file=sys.stderr)
    else:
        write_mailmap(sys.stdout)
    return 0


def cmd_identities_import_mailmap(args) -> int:
    from seedbed.core.errors import SeedbedError
    from seedbed.importers.mailmap import Mailmap, parse
    from seedbed.people.mailmaps import apply_mailmap

    try:
        with open(args.file, encoding="utf-8", errors="replace") as f:
            entries = parse(f.read())
    except OSError as exc:
        raise SeedbedError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    if not entries:
        raise SeedbedError(f"{args.file}: no .mailmap entries (lines like `Proper Name <proper@x> <commit@x>`)")
    merges = apply_mailmap(Mailmap(entries), args.file, f"seedbed identities import-mailmap {args.file}")
    print(f"{args.file}: {len(entries)} entries, {merges} merges")
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

    from seedbed.importers.commands import import_git, progress_bar

    result = build_demo(rebuild=args.rebuild, progress=progress_bar("demo"), echo=lambda m: print(m, file=sys.stderr))
    print(result.summary)
    if args.git:
        import_git(args.git)
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

    from seedbed.importers.commands import register as import_commands

    import_commands(sub)

    stats = sub.add_parser("stats", help="counts of people, identities and activities")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats)

    ids = sub.add_parser("identities", help="identities of people")
    ids_sub = ids.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = ids_sub.add_parser("export", help="TSV: person_id, source, name, email, username")
    export.set_defaults(func=cmd_identities_export)
    mailmap = ids_sub.add_parser("mailmap", help="write a git .mailmap for the people Seedbed knows")
    mailmap.add_argument("--output", "-o", metavar="FILE", help="write to FILE (replaced whole) instead of stdout")
    mailmap.set_defaults(func=cmd_identities_mailmap)
    imp_map = ids_sub.add_parser("import-mailmap", help="turn a .mailmap file into confirmed merges")
    imp_map.add_argument("file", metavar="FILE")
    imp_map.set_defaults(func=cmd_identities_import_mailmap)

    people = sub.add_parser("people", help="people and merges")
    people_sub = people.add_subparsers(dest="action", required=True, metavar="ACTION")
    merges = people_sub.add_parser(
        "merges", help="list proposed merges; accept, reject, mark not sure or undo one",
        description="Without arguments: the proposals waiting for review. `accept ID`, `reject ID` and "
        "`unsure ID` decide a proposal; `undo ID` undoes a merge listed by --history.",
    )
    merges.add_argument("merge_action", nargs="?", choices=["accept", "reject", "unsure", "undo"], metavar="ACTION",
                        help="accept, reject, unsure (a proposal) or undo (a merge)")
    merges.add_argument("id", nargs="?", type=int, metavar="ID")
    merges.add_argument("--json", action="store_true", help="print JSON")
    merges.add_argument("--history", action="store_true", help="list merges made (newest first) instead")
    merges.set_defaults(func=cmd_people_merges)
    resolve = people_sub.add_parser("resolve", help="run identity resolution over every identity")
    resolve.set_defaults(func=cmd_people_resolve)
    erase = people_sub.add_parser("erase", help="erase a person for good, on their request (cannot be undone)")
    erase.add_argument("id", type=int, metavar="ID")
    erase.add_argument("--yes", action="store_true", help="really erase: without it, nothing happens")
    erase.set_defaults(func=cmd_people_erase)

    from seedbed.recognition.commands import register as recognition_commands

    recognition_commands(sub)
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
