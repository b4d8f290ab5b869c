"""What seedbed's git fetch would cost with pygit2 instead of a ``git log`` subprocess.

    /tmp/pygit2-venv/bin/python benchmarks/pygit2_walk.py REPO

(pygit2 is not a dependency of seedbed: install it into a separate venv.) Walks every
commit reachable from every ref, as seedbed does, and for each commit with one parent
diffs its tree against the parent's, counting added and removed lines per file
(``--numstat``) without rename detection; merges get no diff, as with ``git log``.
Prints commits, file changes and lines, and the wall time.
"""
from __future__ import annotations

import sys
import time

import pygit2


def main(path: str) -> int:
    started = time.perf_counter()
    repo = pygit2.Repository(path)
    tips = set()
    for ref in repo.references.objects:
        target = ref.peel(pygit2.Commit) if ref.type != pygit2.enums.ReferenceType.SYMBOLIC else None
        if target is not None:
            tips.add(target.id)
    walker = repo.walk(None, pygit2.enums.SortMode.NONE)
    for tip in tips:
        walker.push(tip)
    commits = changes = added = removed = 0
    for commit in walker:
        commits += 1
        if len(commit.parents) > 1:
            continue
        parent_tree = commit.parents[0].tree if commit.parents else None
        diff = commit.tree.diff_to_tree(parent_tree, swap=True) if parent_tree is not None else commit.tree.diff_to_tree(swap=True)
        for patch in diff:
            changes += 1
            _, a, r = patch.line_stats
            added += a
            removed += r
    took = time.perf_counter() - started
    print(f"{commits} commits, {changes} file changes, +{added} -{removed} lines, {took:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
