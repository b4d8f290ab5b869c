"""Mailing-list import speed: `seedbed import mbox` on one core, against parsing alone.

    .venv/bin/python benchmarks/mbox_import.py [--messages 100000] [--runs 3] [--json]
    .venv/bin/python benchmarks/mbox_import.py --smoke     # what .ci/run does: 5,000 messages, 1 run

The archive is written by this script from a seeded random generator: threads of one to
eight messages, 2,000 senders, quoted replies, signatures, a share of RFC 2047 names and
Latin-1 bodies. Each run, pinned to CPU 0 with ``taskset`` when it exists:

* parse: ``seedbed.importers.mbox_files.read`` (split, parse every message) in this process;
* import: ``seedbed import mbox FILE`` as a subprocess into a fresh SQLite file (Python
  start-up included, database creation not: ``seedbed stats`` makes it first);
* again: the same command once more (the archive is unchanged: the cost of asking).

The issue's target: at least 5,000 messages per second for the whole import, on one core.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
BIN = Path(sys.executable).parent
NAMES = ["Ana Souza", "Bo Li", "Chidi Okafor", "Dana Levi", "=?UTF-8?Q?Zo=C3=AB_=C3=85ngstr=C3=B6m?=", "Jörg Müller",
         "Priya Natarajan", "Kenji Mori", "Renée Dubois", "Tomás Oliveira"]


def write_archive(path: Path, messages: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    n = 0
    with open(path, "wb") as f:
        while n < messages:
            root = n
            for depth in range(rng.randint(1, 8)):
                if n >= messages:
                    break
                sender = rng.randrange(2000)
                name = NAMES[sender % len(NAMES)]
                subject = f"{'Re: ' if depth else ''}Topic {root}: sync on {rng.choice(['Android', 'iOS', 'Linux'])}"
                reply = f"In-Reply-To: <{n - 1}@bench.example.org>\nReferences: <{root}@bench.example.org>\n" if depth else ""
                latin = rng.random() < 0.1
                body = ("Café crème, déjà vu." if latin else "Thanks, here is what I found.") + \
                    f"\n\n> quoted from the message before\n\n{' '.join(rng.choices(['sync', 'cache', 'log', 'fix', 'the', 'a'], k=40))}\n\n-- \nsig {sender}\n"
                head = (f"From p{sender}@bench.example.org Mon Mar  2 10:00:00 2026\nFrom: {name} <p{sender}@bench.example.org>\n"
                        f"Subject: {subject}\nMessage-ID: <{n}@bench.example.org>\n{reply}"
                        f"Date: Mon, 02 Mar 2026 {n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d} +0000\n"
                        f"Content-Type: text/plain; charset={'iso-8859-1' if latin else 'utf-8'}\n\n")
                f.write(head.encode("utf-8") + body.encode("latin-1" if latin else "utf-8") + b"\n")
                n += 1


def pinned(cmd: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *cmd] if shutil.which("taskset") else cmd


def seedbed(db: Path, *args: str) -> float:
    env = {**os.environ, "SEEDBED_DB": str(db)}
    env.pop("DATABASE_URL", None)
    start = time.perf_counter()
    subprocess.run(pinned([str(BIN / "seedbed"), *args]), env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def parse_seconds(path: Path) -> float:
    from seedbed.importers.mbox_files import read

    start = time.perf_counter()
    mails, _ = read(path, skip_bad=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    messages, runs = (5000, 1) if args.smoke else (args.messages, args.runs)
    if shutil.which("taskset"):
        os.sched_setaffinity(0, {0})  # the parse runs in this process: the same single core
    with tempfile.TemporaryDirectory() as work:
        archive = Path(work) / "bench.mbox"
        write_archive(archive, messages)
        rows = []
        for run in range(runs):
            db = Path(work) / f"run{run}.sqlite3"
            seedbed(db, "stats")  # creates and migrates the database, not timed
            rows.append({"parse": parse_seconds(archive), "import": seedbed(db, "import", "mbox", str(archive)),
                         "again": seedbed(db, "import", "mbox", str(archive))})
    median = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    result = {"messages": messages, "runs": runs,
              **{f"{k}_s": round(v, 3) for k, v in median.items()},
              "parse_per_s": round(messages / median["parse"]), "import_per_s": round(messages / median["import"]),
              "import_over_parse": round(median["import"] / median["parse"], 2)}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{messages:,} messages, median of {runs}: parse {median['parse']:.2f} s ({result['parse_per_s']:,}/s), "
              f"import {median['import']:.2f} s ({result['import_per_s']:,}/s, {result['import_over_parse']}x parse), "
              f"again {median['again']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
