"""Recognition on the demo community: digest speed, concentration, and a "top contributors" list beside it.

    .venv/bin/python benchmarks/recognition.py [--db FILE] [--days 90] [--runs 5] [--json]
    .venv/bin/python benchmarks/recognition.py --smoke      # what .ci/run does: a small demo, 1 run

1. builds the demo community into a fresh SQLite file (or reuses ``--db``);
2. suggests highlights for the last ``--days`` days and confirms every one
   (``seedbed highlights suggest --confirm``), timed;
3. times the digest of the last full month (``seedbed digest --format html``, process
   start included), median of ``--runs``, beside ``seedbed stats`` (the start-up floor);
4. reads ``seedbed fairness --json`` for the period;
5. sets a "top contributors" list of the same length beside it: one highlight each for the
   most active people of the period (each typed with their most frequent contribution type)
   and compares distinct people, distinct types and concentration.

Times are wall-clock; the figures are the same on every run of the same demo.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
BIN = Path(sys.executable).parent


def seedbed(db: Path, *args: str) -> tuple[float, str]:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "seedbed"), *args], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def period_activity(db: Path, since: dt.date, until: dt.date) -> tuple[dict, dict]:
    """person -> activities in the period, and person -> their most frequent contribution type."""
    os.environ["SEEDBED_DB"] = str(db)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seedbed.settings")
    import django

    django.setup()
    from django.db.models import Count

    from seedbed.activity.models import Activity
    from seedbed.people.models import PersonKind
    from seedbed.recognition.fairness import concentration
    from seedbed.recognition.periods import Period

    period = Period(since, until)
    acts = (Activity.objects.filter(occurred_at__gte=period.start, occurred_at__lt=period.end, identity__is_bot=False)
            .exclude(identity__person__kind__in=[PersonKind.BOT, PersonKind.ERASED]))
    activity = dict(acts.values_list("identity__person_id").annotate(n=Count("id")))
    types: dict[int, Counter] = {p: Counter() for p in activity}
    for person, ctype, n in acts.values_list("identity__person_id", "contribution_type").annotate(n=Count("id")):
        types[person][ctype] += n
    return activity, {p: t.most_common(1)[0][0] for p, t in types.items() if t}


def figures(activity: dict, chosen: list[tuple[int, str]]) -> dict:
    """Distinct people and types, and concentration, of highlights given as (person, type)."""
    from seedbed.recognition.fairness import concentration

    c = concentration(activity, Counter(p for p, _ in chosen))
    return {"highlights": len(chosen), "distinct_people": len({p for p, _ in chosen}),
            "distinct_types": len({t for _, t in chosen}), "top10_recognition_share": c.top10_recognition_share,
            "recognition_gini": c.recognition_gini, "activity_gini": c.activity_gini}


def compare(activity: dict, favourite: dict, ours: list[tuple[int, str]], length: int, samples: int = 20) -> dict:
    """At ``length`` highlights: a seeded random sample of ours (mean of ``samples``) beside the
    top-``length`` most active people, one highlight each, typed by their usual work."""
    import random

    rng = random.Random(length)
    ranked = sorted(activity, key=lambda p: (-activity[p], p))[:length]
    top = figures(activity, [(p, favourite.get(p, "")) for p in ranked])
    draws = [figures(activity, rng.sample(ours, min(length, len(ours)))) for _ in range(samples)]
    mean = {k: round(statistics.mean(d[k] for d in draws), 4) for k in draws[0]}
    return {"length": length, "highlights": mean, "top_contributors": {k: round(v, 4) for k, v in top.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing demo database (default: build one in a temp dir)")
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lengths", default="30,100,300", help="list lengths to compare at (comma-separated)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--smoke", action="store_true", help="a small demo and one run: checks, not timings")
    args = parser.parse_args()
    workdir = tempfile.TemporaryDirectory()
    db = args.db or Path(workdir.name) / "demo.sqlite3"
    if args.db is None:
        env = {**os.environ, "SEEDBED_DB": str(db)}
        env.pop("DATABASE_URL", None)
        command = [str(BIN / "seedbed"), "demo", "--no-serve"]
        if args.smoke:  # a tenth of the community, through the library: the CLI has no scale option
            command = [sys.executable, "-c", "import os; os.environ['DJANGO_SETTINGS_MODULE']='seedbed.settings';"
                       "import django; django.setup(); from seedbed.core.services import ensure_migrated;"
                       "ensure_migrated(); from seedbed.demo.services import build_demo; build_demo(scale=0.1)"]
        subprocess.run(command, env=env, check=True, capture_output=True)
    runs = 1 if args.smoke else args.runs
    today = dt.date.today()
    until = today - dt.timedelta(days=1)
    since = until - dt.timedelta(days=args.days - 1)
    suggest_s, out = seedbed(db, "highlights", "suggest", "--since", str(since), "--until", str(until), "--confirm")
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    month = (str(month_end.replace(day=1)), str(month_end))
    digest_s = statistics.median(seedbed(db, "digest", "--since", month[0], "--until", month[1], "--format", "html")[0]
                                 for _ in range(runs))
    stats_s = statistics.median(seedbed(db, "stats")[0] for _ in range(runs))
    fairness = json.loads(seedbed(db, "fairness", "--since", str(since), "--until", str(until), "--json")[1])
    confirmed = json.loads(seedbed(db, "highlights", "list", "--status", "confirmed", "--since", str(since),
                                   "--until", str(until), "--json")[1])
    ours = {"highlights": len(confirmed), "distinct_people": len({h["person_id"] for h in confirmed}),
            "distinct_types": len({h["contribution_type"] for h in confirmed}),
            **{k: fairness[k] for k in ("top10_recognition_share", "recognition_gini", "activity_gini",
                                        "top10_activity_share", "active_people")}}
    activity, favourite = period_activity(db, since, until)
    pairs = [(h["person_id"], h["contribution_type"]) for h in confirmed]
    lengths = [int(n) for n in args.lengths.split(",") if n.strip()] + [len(confirmed)]
    comparisons = [compare(activity, favourite, pairs, n) for n in lengths if n <= len(confirmed)]
    result = {"period": [str(since), str(until)], "suggest_confirm_s": round(suggest_s, 2), "suggest_output": out.strip(),
              "digest_month": month, "digest_html_s_median": round(digest_s, 3), "stats_s_median": round(stats_s, 3),
              "runs": runs, "recognised_types": fairness["recognised_types"], "unthanked_people": fairness["unthanked_people"],
              "highlights": ours, "comparisons": comparisons}
    if args.json:
        print(json.dumps(result, indent=1))
    rows = ["distinct_people", "distinct_types", "top10_recognition_share", "recognition_gini", "activity_gini"]
    table = [f"period {since} to {until}; suggest+confirm {suggest_s:.2f} s; digest of {month[0]}..{month[1]}: "
             f"{digest_s:.2f} s (seedbed stats {stats_s:.2f} s), median of {runs}",
             f"work: top10_activity_share {ours['top10_activity_share']}, {ours['active_people']} active people; "
             f"highlights: top10_recognition_share {ours['top10_recognition_share']}, recognition_gini "
             f"{ours['recognition_gini']}, activity_gini {ours['activity_gini']}, {ours['distinct_types']} types",
             f"{'length':>7} {'':<24}{'highlights':>12}{'top list':>12}"]
    for comparison in comparisons:
        for r in rows:
            table.append(f"{comparison['length']:>7} {r:<24}{comparison['highlights'][r]!s:>12}"
                         f"{comparison['top_contributors'][r]!s:>12}")
    print("\n".join(table), file=sys.stderr if args.json else sys.stdout)
    ok = ours["highlights"] > 0 and ours["distinct_types"] >= (1 if args.smoke else 6)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
