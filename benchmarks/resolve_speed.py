"""Benchmark identity resolution (``seedbed.people.resolve``) at the size the issue names.

    .venv/bin/python benchmarks/resolve_speed.py                 # 1,000,000 identities (+1,000 new), median of 3
    .venv/bin/python benchmarks/resolve_speed.py --smoke         # CI: 20,000 (+200), 1 run, a few seconds
    .venv/bin/python benchmarks/resolve_speed.py --profile full  # and one more run under cProfile

What the issue asks, on one core (the resolver is single-threaded; CPU time is printed beside
the wall time to show it):

1. **full run**: ``resolve(records)`` over 1,000,000 synthetic identities in under 60 s;
2. **incremental run**: 1,000 new identities against 1,000,000 existing ones in under 5 s.

The identities come from ``benchmarks/synthetic_identities.py`` (seeded, pure Python, nothing
downloaded); ``generate(N + new)`` is called once and its time is reported apart. The first N
identities are the existing community, the last ``new`` (ids are in import order) arrive later.

Each full run (timed with ``time.perf_counter``, ``parse_name``/``parse_address`` caches
emptied first, as in a fresh process): ``resolve(existing)``.

For the incremental runs the existing community is first put in the state the service keeps
(not timed): the merges of the full run applied (each identity's person is its resolved
person), and an in-memory key index, what the ``ResolutionKey`` table with its index on
``key`` gives the service: key -> ids of the identities carrying it, and per key the number
of identities, of distinct people and (``g:`` keys) of distinct names. Then each run times
what ``seedbed.people.merging.run_resolver`` does for new identities:

* ``keys_for`` of every new identity;
* from the index, as ``merging._candidates`` asks the database: per key of the new
  identities (with, for each of their handles, its ``h:``/``d:``/``g:`` keys) the
  identities/people/names counts over the whole community, new identities included; the
  carriers of every key whose block is small enough (``identities <= block_limit(key)``,
  ``g:`` keys never) and every identity of their people; the people counts of the other
  keys (a handle's: those who have it plus those whose name makes it);
* ``resolve(new + those, new=new_ids, counts=counts)``.

Pairwise precision/recall against the synthetic truth are printed as a sanity figure, before
(the importer's grouping by personal address) and after resolution. The exit status is
non-zero only when something fails or a result is malformed (a merge of unknown people, a bot
merged with a human, an incremental match without a new identity, runs that disagree), never
because of a timing or of the precision figures.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synthetic_identities  # noqa: E402
from machine_info import cpu_model  # noqa: E402
from seedbed.people import names as _names  # noqa: E402
from seedbed.people import resolve as _resolve  # noqa: E402
from seedbed.people.resolve import BLOCK_LIMIT, Record, keys_for, resolve  # noqa: E402

FULL_TARGET = 60.0  # seconds, for 1,000,000 identities
INCREMENTAL_TARGET = 5.0  # seconds, for 1,000 new against 1,000,000


class BenchmarkFailed(Exception):
    pass


# -- measuring --------------------------------------------------------------------------------

def _rss_mib() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cold_caches() -> None:
    """What a fresh process starts with: every cache of the name and address parsers empty."""
    for mod in (_names, _resolve):
        for fn in vars(mod).values():
            if callable(fn) and hasattr(fn, "cache_clear"):
                fn.cache_clear()
    gc.collect()


class Clock:
    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


# -- the truth --------------------------------------------------------------------------------

class UnionFind:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def apply(self, merges) -> None:
        """``other`` into ``keep``, in order, as the service applies a Resolution's merges."""
        for m in merges:
            ra, rb = self.find(m.keep), self.find(m.other)
            if ra != rb:
                self.parent[rb] = ra


def pairwise(pred: dict[int, int], truth: dict[int, int]) -> dict:
    """Pairwise precision and recall of a clustering (identity -> cluster) against the truth."""
    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    tp = pairs(Counter((pred[i], truth[i]) for i in pred))
    predicted = pairs(Counter(pred.values()))
    true = pairs(Counter(truth[i] for i in pred))
    precision = tp / predicted if predicted else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_pairs": true, "predicted_pairs": predicted, "correct_pairs": tp}


# -- checks -----------------------------------------------------------------------------------

def check_resolution(res, records: list[Record], *, new_ids: set[int] | None = None, what: str) -> None:
    """A malformed result is a failure; a poor one is not (that is what precision/recall show)."""
    persons = {r.person for r in records}
    ids = {r.id for r in records}
    auto = getattr(_resolve, "AUTO", None)
    propose = getattr(_resolve, "PROPOSE", None)
    bots = set(res.bots)
    problems = []
    for kind, matches in (("merge", res.merges), ("proposal", res.proposals)):
        for m in matches:
            if m.keep not in persons or m.other not in persons or m.keep >= m.other:
                problems.append(f"{kind} of unknown or misordered people {m.keep} / {m.other}")
            if not (0.0 < m.confidence <= 1.0) or not set(m.identities) <= ids:
                problems.append(f"{kind} with confidence {m.confidence} or unknown identities {m.identities}")
            if new_ids is not None and not set(m.identities) & new_ids:
                problems.append(f"incremental {kind} about two old identities {m.identities}")
            if new_ids is None and (m.identities[0] in bots) != (m.identities[1] in bots):
                problems.append(f"{kind} of a bot and a human: identities {m.identities}")
            if kind == "merge" and auto is not None and m.confidence < auto:
                problems.append(f"merge below AUTO ({m.confidence})")
            if kind == "proposal" and propose is not None and m.confidence < propose:
                problems.append(f"proposal below PROPOSE ({m.confidence})")
            if len(problems) > 20:
                break
    if new_ids is not None and not bots <= new_ids:
        problems.append("bots reported among the old identities")
    if res.compared <= 0:
        problems.append("no pair compared")
    if problems:
        raise BenchmarkFailed(f"{what}: " + "; ".join(problems[:10]))


def _signature(res) -> tuple:
    return (res.compared, len(res.merges), len(res.proposals), len(res.bots),
            sum(m.keep * 31 + m.other for m in res.merges) % 1_000_003)


# -- the runs ---------------------------------------------------------------------------------

def full_run(existing: list[Record]) -> tuple[dict, object]:
    _cold_caches()
    rss = _rss_mib()
    with Clock() as c:
        res = resolve(existing)
    return {"wall": c.wall, "cpu": c.cpu, "compared": res.compared, "merges": len(res.merges),
            "proposals": len(res.proposals), "bots": len(res.bots), "rss_before_mib": round(rss),
            "peak_rss_mib": round(_peak_mib())}, res


def _block_limit(key: str) -> int:
    """The resolver's per-key block limit (``block_limit``), or ``BLOCK_LIMIT`` for every key."""
    fn = getattr(_resolve, "block_limit", None)
    return fn(key) if fn else BLOCK_LIMIT


class Community:
    """The existing identities as the service keeps them after a full run: resolved people and
    what the ``ResolutionKey`` table (identity, key), indexed on key, answers: the carriers of a
    key, and per key the number of identities, of distinct people and (for ``g:`` keys) of
    distinct names."""

    def __init__(self, existing: list[Record], merges):
        uf = UnionFind()
        uf.apply(merges)
        self.find = uf.find
        self.by_id: dict[int, Record] = {}
        self.members: dict[int, list[int]] = defaultdict(list)
        for r in existing:
            person = uf.find(r.person)
            if person != r.person:
                r = replace(r, person=person)
            self.by_id[r.id] = r
            self.members[person].append(r.id)
        index: dict[str, list[int]] = defaultdict(list)
        people: dict[str, int] = defaultdict(int)
        names: dict[str, set[str]] = defaultdict(set)  # g:/s: key -> distinct names of its carriers
        self.keys_of: dict[int, frozenset[str]] = {}
        for person, ids in self.members.items():
            carried = set()
            for i in ids:
                rec = self.by_id[i]
                ks = keys_for(rec)
                self.keys_of[i] = frozenset(ks)
                for k in ks:
                    index[k].append(i)
                    if k[:2] in ("g:", "s:"):
                        names[k].add(rec.name)
                carried.update(ks)
            for k in carried:
                people[k] += 1
        self.index, self.people, self.names = dict(index), dict(people), dict(names)
        self.full_names = sum(1 for k in self.index if k.startswith("n:"))  # distinct full names
        self.rows = sum(len(v) for v in self.index.values())

    def person_of(self, rec: Record) -> int:
        """A new identity's person: the importer put it with an existing identity's person
        (shared personal address), now resolved; or its own."""
        return self.find(rec.person) if rec.person in self.by_id else rec.person

    def carries(self, person: int, key: str) -> bool:
        return any(key in self.keys_of[i] for i in self.members.get(person, ()))


def incremental_run(community: Community, new: list[Record]) -> tuple[dict, object, list[Record]]:
    """What ``seedbed.people.merging.run_resolver(new ids)`` does, with the database replaced by
    the in-memory index: store the new identities' keys, count identities/people/names per key
    over the whole community (new ones included), load the carriers of every key whose block
    is small enough (``block_limit``) and every identity of their people, pass the counts of
    the other keys, resolve."""
    index, by_id, members = community.index, community.by_id, community.members
    with Clock() as total:
        with Clock() as t_keys:
            new = [r if community.person_of(r) == r.person else replace(r, person=community.person_of(r)) for r in new]
            new_keys = {r.id: keys_for(r) for r in new}
        with Clock() as t_lookup:
            new_by_key: dict[str, list[Record]] = defaultdict(list)
            for r in new:
                for k in new_keys[r.id]:
                    new_by_key[k].append(r)
            wanted = set(new_by_key)
            handles = {k[2:] for k in wanted if k[:2] in ("h:", "d:")}
            wanted |= {"h:" + h for h in handles} | {"d:" + h for h in handles}  # a handle meets a name making it
            names = {k[2:] for k in wanted if k[:2] in ("n:", "c:")}
            wanted |= {"n:" + n for n in names} | {"c:" + n for n in names}  # a name meets longer names it is in
            wanted |= {"g:" + h for h in handles}  # is this handle someone's given name?
            per_key: dict[str, tuple[int, int]] = {}  # key -> (identities, people or, for g:, names)
            for k in wanted:
                carriers = new_by_key.get(k, ())
                n = len(index.get(k, ())) + len(carriers)
                if not n:
                    continue
                if k[:2] in ("g:", "s:"):
                    known = community.names.get(k, set())
                    people = len(known) + len({r.name for r in carriers if r.name not in known})
                else:
                    people = community.people.get(k, 0) + len(
                        {r.person for r in carriers if r.person not in members or not community.carries(r.person, k)})
                per_key[k] = (n, people)
            blocks = [k for k, (n, _) in per_key.items() if n <= _block_limit(k) and k[:2] not in ("g:", "s:")]
            loaded = set(blocks)
            counts = {k: people for k, (_, people) in per_key.items() if k not in loaded}
            counts["#names"] = community.full_names + len({k for k in new_by_key if k.startswith("n:")} - index.keys())
            for h in handles:  # a handle's carriers: those who have it and those whose name makes it
                have, made = per_key.get("h:" + h), per_key.get("d:" + h)
                if (have and "h:" + h not in loaded) or (made and "d:" + h not in loaded):
                    counts["h:" + h] = (have or (0, 0))[1] + (made or (0, 0))[1]
            ids: set[int] = set()
            for k in blocks:
                ids.update(index.get(k, ()))
            people_set = {by_id[i].person for i in ids}  # every identity of those people
            existing = [by_id[j] for p in sorted(people_set) for j in members[p]]
            records = new + existing
        with Clock() as t_resolve:
            res = resolve(records, new=[r.id for r in new], counts=counts)
    return {"wall": total.wall, "cpu": total.cpu, "keys": t_keys.wall, "lookup": t_lookup.wall,
            "resolve": t_resolve.wall, "candidates": len(ids), "records": len(records),
            "counts": len(counts), "compared": res.compared, "merges": len(res.merges),
            "proposals": len(res.proposals), "bots": len(res.bots), "peak_rss_mib": round(_peak_mib())}, res, records


# -- report -----------------------------------------------------------------------------------

def machine() -> dict:
    cpu = cpu_model()
    info = {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "implementation": platform.python_implementation()}
    try:
        info["affinity"] = sorted(os.sched_getaffinity(0))
    except AttributeError:
        pass
    from importlib import metadata
    for dist in ("rapidfuzz", "Unidecode"):
        try:
            info[dist.lower()] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    try:
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
        info["memory_gib"] = round(int(mem) / 2**20, 1)
    except (OSError, IndexError, ValueError):
        pass
    return info


def code_version() -> dict:
    """Which resolver was measured: the commit, and digests of the modules as loaded (they may
    carry uncommitted changes)."""
    root = HERE.parent
    out = {}
    try:
        out["commit"] = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                                       capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "seedbed/people"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        out["uncommitted_changes_in_seedbed_people"] = bool(dirty)
    except (OSError, subprocess.SubprocessError):
        pass
    for name in ("resolve", "evidence", "names", "placeholders"):
        mod = sys.modules.get(f"seedbed.people.{name}")
        if mod is not None and getattr(mod, "__file__", None):
            out[f"{name}.py md5"] = hashlib.md5(Path(mod.__file__).read_bytes()).hexdigest()[:12]
    return out


def _med(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def table(result: dict) -> str:
    n, new = result["identities"], result["new"]
    full, inc = result["full_runs"], result["incremental_runs"]
    m = result["machine"]
    scale = n / 1_000_000
    lines = [
        f"identity resolution: {n:,} identities (+{new:,} new), {len(full)} run(s), seed {result['seed']}; "
        f"single-threaded ({m['cpus']} CPUs, {m['cpu']}, Python {m['python']})",
        f"resolver: commit {result['code'].get('commit', '?')}"
        + (" with uncommitted changes in seedbed/people" if result["code"].get("uncommitted_changes_in_seedbed_people") else "")
        + f"; load average at start {result['load_average_at_start']}, at end {result['load_average_at_end']}",
        f"generation (not counted): {result['generation_s']:.1f} s; index of the existing identities "
        f"(not counted): {result['index_s']:.1f} s, {result['index_keys']:,} keys, {result['index_rows']:,} rows",
        "",
        f"{'':58}{'median':>12}" + "".join(f"{'run ' + str(i + 1):>12}" for i in range(len(full))),
    ]

    def row(label, runs, key, fmt="{:>11.2f}s"):
        vals = [r[key] for r in runs]
        lines.append(f"{label:<58}" + fmt.format(statistics.median(vals)) + "".join(fmt.format(v) for v in vals))

    target = f"target < {FULL_TARGET * scale:.3g} s" + (" (scaled)" if scale != 1 else "")
    row(f"full run: resolve({n:,}) wall  [{target}]", full, "wall")
    row("  CPU time", full, "cpu")
    row("  pairs compared", full, "compared", "{:>12,}")
    row("  merges", full, "merges", "{:>12,}")
    row("  proposals", full, "proposals", "{:>12,}")
    row("  peak RSS of the process (MiB)", full, "peak_rss_mib", "{:>12,}")
    row(f"incremental: {new:,} new, wall  [target < {INCREMENTAL_TARGET:.0f} s]", inc, "wall")
    row("  CPU time", inc, "cpu")
    row("  keys_for of the new identities", inc, "keys")
    row("  candidates and counts from the index", inc, "lookup")
    row("  resolve(new + candidates)", inc, "resolve")
    row("  identities sharing a small block with a new one", inc, "candidates", "{:>12,}")
    row("  identities passed to resolve (their people whole)", inc, "records", "{:>12,}")
    row("  pairs compared", inc, "compared", "{:>12,}")
    row("  merges", inc, "merges", "{:>12,}")
    row("  proposals", inc, "proposals", "{:>12,}")
    lines.append("")
    q = result["quality"]
    for label, key in (("importer's grouping (personal addresses)", "before"), ("after the full run", "full"),
                       ("after full + incremental (all identities)", "incremental_before"),
                       ("", "incremental")):
        if key not in q:
            continue
        v = q[key]
        label = label or "  ... after the incremental merges"
        lines.append(f"pairwise P/R {label:<44} precision {v['precision']:.3f}  recall {v['recall']:.3f}  "
                     f"F1 {v['f1']:.3f}")
    lines.append(f"peak RSS of the whole process: {result['peak_rss_mib']:,} MiB "
                 f"(after generation {result['rss_after_generation_mib']:,} MiB)")
    verdict = result["verdict"]
    lines.append(f"full run median {verdict['full_median_s']:.2f} s (target {verdict['full_target_s']:.3g} s): "
                 f"{'met' if verdict['full_met'] else 'NOT met'}; incremental median {verdict['incremental_median_s']:.2f} s "
                 f"(target {INCREMENTAL_TARGET:.0f} s): {'met' if verdict['incremental_met'] else 'NOT met'}"
                 + ("" if scale == 1 else f"  [at {n:,} identities; the targets are for 1,000,000]"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--identities", type=int, help="existing identities (default 1000000; 20000 with --smoke)")
    parser.add_argument("--new", type=int, help="new identities for the incremental run (default 1000; 200 with --smoke)")
    parser.add_argument("--runs", type=int, help="runs to take the median of (default 3; 1 with --smoke)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic identities (default 1)")
    parser.add_argument("--smoke", action="store_true", help="small and quick, for CI: checks, never judges timings")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (the table goes to stderr)")
    parser.add_argument("--cpu", type=int, help="pin the process to this CPU (default: not pinned)")
    parser.add_argument("--profile", choices=("full", "incremental", "both"),
                        help="after the timed runs, one more run of that kind under cProfile (printed to stderr)")
    parser.add_argument("--profile-out", metavar="FILE",
                        help="with --profile: also write the pstats there (FILE.full and FILE.incremental for both)")
    args = parser.parse_args(argv)
    args.identities = args.identities or (20_000 if args.smoke else 1_000_000)
    args.new = args.new if args.new is not None else (200 if args.smoke else 1_000)
    args.runs = args.runs or (1 if args.smoke else 3)
    if args.identities < 10 or args.new < 1 or args.runs < 1:
        parser.error("need --identities >= 10, --new >= 1 and --runs >= 1")
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    code = code_version()  # now, while the files on disk are the ones just imported
    started = time.perf_counter()
    load_start = [round(x, 2) for x in os.getloadavg()]
    try:
        with Clock() as gen:
            records, truth = synthetic_identities.generate(args.identities + args.new, args.seed)
        existing, new = records[:args.identities], records[args.identities:]
        rss_generation = round(_peak_mib())
        data = synthetic_identities.describe(records, truth)
        log(f"generated {len(records):,} identities of {data['people']:,} people in {gen.wall:.1f} s "
            f"(not counted); {data['importer_people']:,} people after the importer")
        if len(records) != args.identities + args.new:
            raise BenchmarkFailed(f"the generator made {len(records)} identities, not {args.identities + args.new}")

        full_runs, signatures, res = [], set(), None
        for i in range(args.runs):
            res = None
            gc.collect()
            run, res = full_run(existing)
            check_resolution(res, existing, what=f"full run {i + 1}")
            signatures.add(_signature(res))
            full_runs.append(run)
            log(f"full run {i + 1}/{args.runs}: {run['wall']:.2f} s wall, {run['cpu']:.2f} s CPU, "
                f"{run['compared']:,} pairs compared, {run['merges']:,} merges, {run['proposals']:,} proposals, "
                f"peak RSS {run['peak_rss_mib']:,} MiB")
        if len(signatures) != 1:
            raise BenchmarkFailed(f"the full runs disagree on the same input: {sorted(signatures)}")

        quality = {"before": pairwise({r.id: r.person for r in existing}, truth)}
        uf = UnionFind()
        uf.apply(res.merges)
        quality["full"] = pairwise({r.id: uf.find(r.person) for r in existing}, truth)
        if quality["full"]["recall"] < quality["before"]["recall"] or not res.merges:
            raise BenchmarkFailed("the full run merged nothing")

        with Clock() as idx:
            community = Community(existing, res.merges)
        merges_full = res.merges
        del res, uf
        gc.collect()
        log(f"index of the existing identities (not counted): {idx.wall:.1f} s, {len(community.index):,} keys, "
            f"{community.rows:,} rows")

        inc_runs, inc_signatures, inc = [], set(), None
        new_ids = {r.id for r in new}
        for i in range(args.runs):
            inc = None
            _cold_caches()
            run, inc, inc_records = incremental_run(community, new)
            check_resolution(inc, inc_records, new_ids=new_ids, what=f"incremental run {i + 1}")
            inc_signatures.add(_signature(inc))
            inc_runs.append(run)
            log(f"incremental run {i + 1}/{args.runs}: {run['wall']:.3f} s wall (keys {run['keys']:.3f}, "
                f"lookup {run['lookup']:.3f}, resolve {run['resolve']:.3f}), {run['records']:,} identities resolved, "
                f"{run['compared']:,} pairs compared, {run['merges']:,} merges, {run['proposals']:,} proposals")
        if len(inc_signatures) != 1:
            raise BenchmarkFailed(f"the incremental runs disagree on the same input: {sorted(inc_signatures)}")

        state = {r.id: community.person_of(r) for r in new}
        state.update((i, r.person) for i, r in community.by_id.items())
        quality["incremental_before"] = pairwise(state, truth)
        uf = UnionFind()
        uf.apply(inc.merges)
        quality["incremental"] = pairwise({i: uf.find(p) for i, p in state.items()}, truth)
        # new identities whose human already had an identity: how many ended up with one of them
        by_truth = defaultdict(list)
        for i in state:
            by_truth[truth[i]].append(i)
        returning = [i for i in new_ids if any(j not in new_ids for j in by_truth[truth[i]])]
        linked = sum(1 for i in returning
                     if any(uf.find(state[j]) == uf.find(state[i]) for j in by_truth[truth[i]] if j not in new_ids))
        quality["new_with_earlier_identities"] = len(returning)
        quality["new_linked_to_them"] = linked
        del merges_full
    except BenchmarkFailed as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1

    full_median, inc_median = _med(full_runs, "wall"), _med(inc_runs, "wall")
    result = {
        "identities": args.identities, "new": args.new, "seed": args.seed, "runs": args.runs,
        "generator_version": synthetic_identities.GENERATOR_VERSION, "data": data,
        "machine": machine(), "code": code, "load_average_at_start": load_start,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "generation_s": round(gen.wall, 2), "rss_after_generation_mib": rss_generation,
        "index_s": round(idx.wall, 2), "index_keys": len(community.index), "index_rows": community.rows,
        "full_runs": full_runs, "incremental_runs": inc_runs, "quality": quality,
        "peak_rss_mib": round(_peak_mib()),
        "verdict": {
            "full_median_s": round(full_median, 3), "full_target_s": FULL_TARGET * args.identities / 1_000_000,
            "full_met": full_median < FULL_TARGET * args.identities / 1_000_000,
            "incremental_median_s": round(inc_median, 3), "incremental_met": inc_median < INCREMENTAL_TARGET,
        },
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(table(result), file=sys.stderr)
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(table(result))
    log(f"quality: {quality['new_linked_to_them']:,} of the {quality['new_with_earlier_identities']:,} new identities "
        f"whose human had earlier identities were linked to them")

    for kind in ("full", "incremental") if args.profile == "both" else (args.profile,) if args.profile else ():
        log(f"\n-- cProfile of one more {kind} run --")
        prof = cProfile.Profile()
        _cold_caches()
        prof.enable()
        if kind == "full":
            resolve(existing)
        else:
            incremental_run(community, new)
        prof.disable()
        if args.profile_out:
            prof.dump_stats(args.profile_out + (f".{kind}" if args.profile == "both" else ""))
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(30)
        log(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
