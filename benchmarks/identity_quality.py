"""Identity-resolution quality through the real import path.

    .venv/bin/python benchmarks/identity_quality.py [--data DIR] [--score TOOL] [--json] [NAME…]

For each ground-truth file (default: numpy, scipy and ipython in ../shared/data/identities):

1. build a replay repository with ``git fast-import``: one commit per identity, authored
   exactly as the file writes the name and e-mail, and no ``.mailmap``;
2. ``seedbed import git --no-mailmap`` it into a fresh SQLite database (identity
   resolution runs at the end of the import, as it always does);
3. ``seedbed identities export`` to a TSV and score that file with
   ``../shared/tools/identity_score.py`` (pairwise and B-cubed precision, recall, F1),
   beside the tool's two baselines (same e-mail; same e-mail or same full name).

Nothing here reads a ``.mailmap``: the truth files are the answer key.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
BIN = Path(sys.executable).parent


def read_truth(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            rows.append((parts[0], parts[1]))
    return rows


def replay_repository(identities: list[tuple[str, str]], path: Path) -> None:
    """One commit per identity on ``main``, oldest first, with the author exactly as given."""
    subprocess.run(["git", "init", "-q", "--bare", str(path)], check=True)
    stream = bytearray()
    when = 1_400_000_000
    for n, (name, email) in enumerate(identities, 1):
        message = f"identity {n}\n".encode()
        author = f"{name} <{email}> {when + n * 60} +0000".encode()
        stream += b"commit refs/heads/main\nmark :%d\n" % n
        stream += b"author " + author + b"\ncommitter Replay <replay@example.org> %d +0000\n" % (when + n * 60)
        stream += b"data %d\n%s" % (len(message), message)
        if n > 1:
            stream += b"from :%d\n" % (n - 1)
        stream += b"M 644 inline file.txt\ndata %d\n%s\n" % (len(message), message)
    subprocess.run(["git", "-C", str(path), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(path), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)


def score(tool: Path, truth: Path, args: list[str]) -> dict:
    out = subprocess.run([sys.executable, str(tool), str(truth), *args, "--json"], capture_output=True, text=True)
    if out.returncode not in (0,):
        raise SystemExit(f"identity_score.py failed on {truth}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def truth_keys(truth: Path) -> dict[tuple[str, str], str]:
    keys = {}
    for line in truth.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            keys[(parts[0].strip(), parts[1].strip().lower())] = parts[2]
    return keys


def same_human(proposal: dict, keys: dict) -> bool:
    """Does the truth put any identity of one side with any of the other?"""
    def side(s):
        return {keys.get((i["name"].strip(), i["email"].strip().lower())) for i in proposal[s]["identities"]} - {None}
    return bool(side("a") & side("b"))


def write_all_accepted(export: Path, proposals: list[dict], out: Path) -> None:
    """The export as it would be had a steward accepted every proposal."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for p in proposals:
        parent[find(str(p["b"]["person_id"]))] = find(str(p["a"]["person_id"]))
    lines = export.read_text(encoding="utf-8").splitlines()
    rows = [lines[0]] + ["\t".join([find(r.split("\t")[0]), *r.split("\t")[1:]]) for r in lines[1:]]
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")


def measure(name: str, data: Path, tool: Path, seedbed: Path) -> dict:
    truth = data / f"{name}.tsv"
    identities = read_truth(truth)
    with tempfile.TemporaryDirectory(prefix=f"seedbed-quality-{name}-") as tmp:
        repo, db, export = Path(tmp) / "replay.git", Path(tmp) / "db.sqlite3", Path(tmp) / "export.tsv"
        replay_repository(identities, repo)
        env = {**os.environ, "SEEDBED_DB": str(db)}
        env.pop("DATABASE_URL", None)
        started = time.perf_counter()
        imported = subprocess.run([str(seedbed), "import", "git", "--no-mailmap", str(repo)], env=env,
                                  capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        with export.open("w") as out:
            subprocess.run([str(seedbed), "identities", "export"], env=env, stdout=out, check=True)
        proposals = json.loads(subprocess.run([str(seedbed), "people", "merges", "--json"], env=env,
                                              capture_output=True, text=True, check=True).stdout)
        result = score(tool, truth, [str(export)])
        accepted = Path(tmp) / "all-accepted.tsv"
        write_all_accepted(export, proposals, accepted)
        if_accepted = score(tool, truth, [str(accepted)])
        right = sum(same_human(p, truth_keys(truth)) for p in proposals)
    return {
        "name": name, "identities": len(identities), "import_seconds": round(seconds, 2),
        "import_output": imported.stdout.strip().splitlines(), "proposals": len(proposals),
        "proposals_same_human": right, "seedbed": result, "if_all_proposals_accepted": if_accepted,
        "baseline_email": score(tool, truth, ["--baseline", "email"]),
        "baseline_email_name": score(tool, truth, ["--baseline", "email-name"]),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", default=["numpy", "scipy", "ipython"], metavar="NAME")
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "identities")
    ap.add_argument("--score", type=Path, default=SHARED / "tools" / "identity_score.py")
    ap.add_argument("--seedbed", type=Path, default=BIN / "seedbed")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = [measure(n, args.data, args.score, args.seedbed) for n in args.names]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'truth':<9} {'rule':<22} {'pair P':>7} {'pair R':>7} {'pair F1':>8} {'B3 F1':>7} {'people':>7}")
    for r in results:
        for label, s in (("seedbed (import)", r["seedbed"]), ("+ every proposal", r["if_all_proposals_accepted"]),
                         ("e-mail", r["baseline_email"]), ("e-mail or full name", r["baseline_email_name"])):
            print(f"{r['name']:<9} {label:<22} {s['pair_p']:>7.4f} {s['pair_r']:>7.4f} {s['pair_f1']:>8.4f} "
                  f"{s['bcubed_f1']:>7.4f} {s['pred_people']:>7}")
        print(f"{'':<9} {r['identities']} identities ({r['seedbed']['true_people']} people), import "
              f"{r['import_seconds']} s, {r['proposals']} proposals left for review "
              f"({r['proposals_same_human']} of them one human by the truth)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
