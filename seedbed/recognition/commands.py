"""The recognition commands of ``seedbed``: highlights, digest, thanks, fairness, sharers.

Thin, like seedbed.cli: parse, call a service, print. Django is set up by seedbed.cli
before a handler runs, so imports stay inside the handlers.
"""
from __future__ import annotations

import argparse
import json
import os
import sys


def operator() -> str:
    return f"command line ({os.environ.get('USER', 'unknown user')})"


def _period(args):
    from seedbed.recognition.periods import Period

    return Period.parse(args.since, args.until, what="--")


def _person(pk: int):
    from seedbed.core.errors import SeedbedError
    from seedbed.people.models import Person

    person = Person.objects.current().filter(pk=pk).first()
    if person is None:
        raise SeedbedError(f"there is no person {pk}")
    return person


def _highlight(pk: int):
    from seedbed.core.errors import SeedbedError
    from seedbed.recognition.models import Highlight

    highlight = Highlight.objects.filter(pk=pk).first()
    if highlight is None:
        raise SeedbedError(f"there is no highlight {pk} (see `seedbed highlights list`)")
    return highlight


def cmd_highlights_suggest(args) -> int:
    from seedbed.recognition.suggesting import suggest_highlights

    period = _period(args)
    result = suggest_highlights(period, confirm=args.confirm, actor_label=operator())
    print(f"{period}: {result.created} new suggestions, {result.already} already made before"
          + (f"; {result.confirmed} confirmed" if args.confirm else
             " (review them on the Highlights page, or confirm with --confirm)"))
    return 0


def cmd_highlights_list(args) -> int:
    from seedbed.recognition.models import Highlight

    rows = Highlight.objects.select_related("person", "group").prefetch_related("activities").order_by("occurred_at", "id")
    if args.status != "all":
        rows = rows.filter(status=args.status)
    if args.since or args.until:
        if not (args.since and args.until):
            from seedbed.core.errors import SeedbedError

            raise SeedbedError("give both --since and --until, or neither")
        period = _period(args)
        rows = rows.filter(period.q())
    items = [{
        "id": h.pk, "kind": h.kind, "status": h.status, "person_id": h.person_id, "person": h.person.display_name,
        "contribution_type": h.contribution_type, "group": h.group.name if h.group else None, "title": h.title,
        "why": h.why, "reason": h.reason, "occurred_at": h.occurred_at.isoformat(),
        "activities": [{"id": a.pk, "kind": a.kind, "title": a.title, "url": a.url} for a in h.activities.all()],
    } for h in rows]
    if args.json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for item in items:
        print(f"{item['id']:>6}  {item['status']:<9}  {item['occurred_at'][:10]}  {item['kind']:<21}  "
              f"{item['title'][:60]}  ({item['person']})")
    print(f"{len(items)} highlights", file=sys.stderr)
    return 0


def cmd_highlights_decide(args) -> int:
    from seedbed.recognition import services

    highlight = _highlight(args.id)
    if args.decision == "confirm":
        services.confirm_highlight(highlight, actor_label=operator())
    elif args.decision == "dismiss":
        services.dismiss_highlight(highlight, actor_label=operator())
    else:
        services.reopen_highlight(highlight)
    print(f"highlight {highlight.pk} {'reopened' if args.decision == 'reopen' else args.decision + 'ed'}: "
          f"{highlight.title}")
    return 0


def cmd_digest(args) -> int:
    from seedbed.core.errors import SeedbedError
    from seedbed.recognition import digests

    story = digests.story(_period(args), title=args.title or "", intro=args.intro or "")
    if args.format == "markdown":
        sys.stdout.write(digests.render_markdown(story))
    elif args.format == "html":
        sys.stdout.write(digests.render_html(story))
    else:
        if args.send and not args.to:
            raise SeedbedError("--send needs at least one --to address")
        message = digests.email(story, args.to or ["community@example.org"])
        if args.send:
            message.send()
            print(f"digest sent to {', '.join(args.to)}", file=sys.stderr)
        else:
            sys.stdout.write(message.message().as_string() + "\n")
    return 0


def cmd_thanks_suggest(args) -> int:
    from seedbed.recognition.ledger import remaining_budget, suggest_thanks

    person = _person(args.person_id)
    remaining = remaining_budget()
    ideas = suggest_thanks(person, remaining=remaining)
    if args.json:
        json.dump({"person_id": person.pk, "person": person.display_name,
                   "remaining_budget": str(remaining) if remaining is not None else None,
                   "suggestions": [{"kind": i.kind, "label": i.label, "detail": i.detail, "cost": str(i.cost),
                                    "free": i.cost == 0, "reasons": list(i.reasons)} for i in ideas]},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"Ways to thank {person.display_name}"
          + (f" (budget left: {remaining})" if remaining is not None else " (no budget runs today: free ideas only)"))
    for i in ideas:
        cost = "free" if i.cost == 0 else f"about {i.cost}"
        print(f"  - {i.label}{': ' + i.detail if i.detail else ''} ({cost}): {'; '.join(i.reasons)}")
    return 0


def cmd_thanks_record(args) -> int:
    from seedbed.activity.models import Activity
    from seedbed.core.errors import SeedbedError
    from seedbed.recognition.ledger import record_thanks
    from seedbed.recognition.models import Fund
    from seedbed.recognition.periods import Period

    person = _person(args.person_id)
    highlights = [_highlight(pk) for pk in args.highlight or []]
    activities = list(Activity.objects.filter(pk__in=args.activity or []))
    missing = set(args.activity or []) - {a.pk for a in activities}
    if missing:
        raise SeedbedError(f"there is no activity {min(missing)}")
    fund = None
    if args.fund:
        fund = Fund.objects.filter(name=args.fund).first()
        if fund is None:
            raise SeedbedError(f"there is no fund named {args.fund!r} (create one with `seedbed thanks budget`)")
    given_on = Period.parse(args.given_on, args.given_on, what="--given-on ").since if args.given_on else None
    arrived = {"yes": True, "no": False, "unknown": None}[args.arrived]
    thanks = record_thanks(person, args.kind, highlights=highlights, activities=activities, cost=args.cost, fund=fund,
                           given_on=given_on, arrived=arrived, thanked_by_label=operator(), note=args.note or "")
    print(f"thanks {thanks.pk} recorded: {thanks.get_kind_display()} for {person.display_name}")
    return 0


def cmd_thanks_budget(args) -> int:
    from seedbed.recognition.ledger import set_budget, spending

    period = _period(args)
    budget = set_budget(args.fund, period.since, period.until, args.amount, currency=args.currency)
    row = spending([budget])[0]
    print(f"{budget.fund.name}: {budget.amount} {budget.fund.currency} from {budget.starts_on} to {budget.ends_on}; "
          f"{row.spent} spent, {row.remaining} left")
    return 0


def cmd_fairness(args) -> int:
    from seedbed.recognition.reports import assess

    period = _period(args)
    result = assess(period)
    c = result.concentration
    figures = {
        "since": str(period.since), "until": str(period.until),
        "top10_activity_share": round(c.top10_activity_share, 4),
        "top10_recognition_share": round(c.top10_recognition_share, 4),
        "activity_gini": round(c.activity_gini, 4), "recognition_gini": round(c.recognition_gini, 4),
        "recognition_piles_up": c.piles_up, "active_people": c.active_people,
        "recognised_people": c.recognised_people, "unthanked_people": len(result.unthanked),
        "recognised_types": result.recognised_types,
        "under_recognised": [{"dimension": g.dimension, "category": g.category,
                              "activity_share": round(g.activity_share, 4),
                              "recognition_share": round(g.recognition_share, 4)} for g in result.under_recognised],
    }
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"Recognition from {period}")
    print(f"  the 10% most active people made {c.top10_activity_share:.0%} of the work "
          f"and received {c.top10_recognition_share:.0%} of the highlights")
    print(f"  Gini over the {c.recognised_people} people recognised: work {c.activity_gini:.2f}, "
          f"recognition {c.recognition_gini:.2f}")
    if c.piles_up:
        print("  WARNING: recognition piles up on fewer people than the work does")
    print(f"  {len(result.unthanked)} of {c.active_people} active people were never thanked or highlighted")
    for g in result.under_recognised:
        print(f"  under-recognised {g.dimension}: {g.category} "
              f"({g.activity_share:.0%} of the work, {g.recognition_share:.0%} of the highlights)")
    return 0


def cmd_sharers(args) -> int:
    from seedbed.recognition.reports import knowledge_sharers

    found = knowledge_sharers(_period(args))
    items = [{"person_id": s.person, "person": s.name, "helping": list(s.helping_types),
              "opportunities": [{"role": o.role, "label": o.label, "reason": o.reason} for o in s.opportunities]}
             for s in found]
    if args.json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for item in items:
        ideas = "; ".join(o["label"] for o in item["opportunities"]) or "already in every role we would suggest"
        print(f"{item['person']} ({', '.join(item['helping'])}): {ideas}")
    return 0


def _period_args(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--since", required=required, metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--until", required=required, metavar="YYYY-MM-DD", help="last day (inclusive)")


def register(sub) -> None:
    """Add the recognition commands to the ``seedbed`` parser's subcommands."""
    hl = sub.add_parser("highlights", help="highlights of great work: suggest, list, confirm, dismiss")
    hl_sub = hl.add_subparsers(dest="action", required=True, metavar="ACTION")
    suggest = hl_sub.add_parser("suggest", help="suggest highlights from a period's quality signals")
    _period_args(suggest)
    suggest.add_argument("--confirm", action="store_true", help="confirm every suggestion (for scripted use)")
    suggest.set_defaults(func=cmd_highlights_suggest)
    listing = hl_sub.add_parser("list", help="highlights, oldest work first")
    listing.add_argument("--status", choices=["suggested", "confirmed", "dismissed", "all"], default="all")
    _period_args(listing, required=False)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_highlights_list)
    for decision, text in (("confirm", "confirm a suggestion"), ("dismiss", "dismiss a suggestion"),
                           ("reopen", "put a decided highlight back in the queue")):
        p = hl_sub.add_parser(decision, help=text)
        p.add_argument("id", type=int, metavar="ID")
        p.set_defaults(func=cmd_highlights_decide, decision=decision)

    digest = sub.add_parser("digest", help="the 'great stuff happening' digest of a period's confirmed highlights")
    _period_args(digest)
    digest.add_argument("--format", choices=["markdown", "html", "email"], default="markdown")
    digest.add_argument("--title", help="title (default: 'Great stuff happening: <period>')")
    digest.add_argument("--intro", help="an opening paragraph")
    digest.add_argument("--to", action="append", metavar="ADDRESS", help="e-mail recipient (with --format email)")
    digest.add_argument("--send", action="store_true", help="send the e-mail through the configured e-mail backend")
    digest.set_defaults(func=cmd_digest)

    thanks = sub.add_parser("thanks", help="the thanks ledger: suggest, record, budgets")
    th_sub = thanks.add_subparsers(dest="action", required=True, metavar="ACTION")
    ts = th_sub.add_parser("suggest", help="thank-you ideas that fit a person and the budget")
    ts.add_argument("person_id", type=int, metavar="PERSON_ID")
    ts.add_argument("--json", action="store_true", help="print JSON")
    ts.set_defaults(func=cmd_thanks_suggest)
    tr = th_sub.add_parser("record", help="record a thank-you given")
    tr.add_argument("person_id", type=int, metavar="PERSON_ID")
    tr.add_argument("kind", metavar="KIND", help="personal-message, swag, dinner, travel, ... (see the docs)")
    tr.add_argument("--highlight", type=int, action="append", metavar="ID", help="the highlight it honours")
    tr.add_argument("--activity", type=int, action="append", metavar="ID", help="or the activity it honours")
    tr.add_argument("--given-on", metavar="YYYY-MM-DD", help="when it was given (default: today)")
    tr.add_argument("--arrived", choices=["yes", "no", "unknown"], default="unknown", help="did it reach them?")
    tr.add_argument("--cost", default="0", help="what it cost (default 0)")
    tr.add_argument("--fund", help="the fund that paid (needed when it cost money)")
    tr.add_argument("--note", help="a note for the ledger")
    tr.set_defaults(func=cmd_thanks_record)
    tb = th_sub.add_parser("budget", help="set a fund's budget for a period")
    tb.add_argument("fund", metavar="FUND")
    _period_args(tb)
    tb.add_argument("--amount", required=True)
    tb.add_argument("--currency", default="EUR")
    tb.set_defaults(func=cmd_thanks_budget)

    fair = sub.add_parser("fairness", help="is recognition fair? concentration and who goes unrecognised")
    _period_args(fair)
    fair.add_argument("--json", action="store_true", help="print JSON")
    fair.set_defaults(func=cmd_fairness)

    share = sub.add_parser("sharers", help="knowledge sharers of a period and how to support them")
    _period_args(share)
    share.add_argument("--json", action="store_true", help="print JSON")
    share.set_defaults(func=cmd_sharers)
