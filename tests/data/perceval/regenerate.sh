#!/usr/bin/env bash
# Regenerate every sample file of tests/data/perceval/.  NOT run by the tests.
#
# Needs git and a virtualenv with Perceval 1.6.1 (from PyPI):
#   python3 -m venv /tmp/percevalvenv && /tmp/percevalvenv/bin/pip install perceval==1.6.1
#   PERCEVAL_VENV=/tmp/percevalvenv bash regenerate.sh
#
# The `timestamp` field of the real runs (git.jsonl, mbox.jsonl, surrogates.jsonl,
# malformed.jsonl, git.jsonl.gz) is the time of the run, so those bytes change
# on every regeneration; everything else is stable.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${PERCEVAL_VENV:-/tmp/percevalvenv}
PERCEVAL="$VENV/bin/perceval"
MBOXDATA="$HERE/../mbox"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"        # keep ~/.perceval out of the user's home
mkdir -p "$HOME"

"$PERCEVAL" --version | grep -q '^perceval 1\.6\.1$' || { echo "need perceval 1.6.1" >&2; exit 1; }

# 1. git.jsonl: real `perceval git` on the repository built by make_repo.sh.
#    The origin is the project's GitHub URL; --git-path points at a bare clone
#    and --no-update keeps Perceval from fetching (no network).
( cd "$work" && bash "$HERE/make_repo.sh" marigold >/dev/null && git clone -q --bare marigold marigold.git )
"$PERCEVAL" git https://github.com/marigold-dev/marigold \
    --git-path "$work/marigold.git" --no-update --json-line > "$HERE/git.jsonl"

# 2. mbox.jsonl: real `perceval mbox` on a copy of ../mbox/plain.mbox.
mkdir -p "$work/mbox-plain"
cp "$MBOXDATA/plain.mbox" "$work/mbox-plain/"
"$PERCEVAL" mbox https://lists.example.org/mailman/private/marigold-dev.mbox/marigold-dev.mbox \
    "$work/mbox-plain" --json-line > "$HERE/mbox.jsonl"

# 3. surrogates.jsonl: real runs whose input has undecodable bytes.
( cd "$work" && bash "$HERE/make_legacy_repo.sh" marigold-legacy >/dev/null \
    && git clone -q --bare marigold-legacy marigold-legacy.git )
"$PERCEVAL" git /srv/git/marigold-legacy \
    --git-path "$work/marigold-legacy.git" --no-update --json-line > "$work/surrogates-git.jsonl"
mkdir -p "$work/mbox-bad"
cp "$MBOXDATA/bad-encoding.mbox" "$work/mbox-bad/"
"$PERCEVAL" mbox https://lists.example.org/mailman/private/marigold-dev.mbox/marigold-dev.mbox \
    "$work/mbox-bad" --json-line > "$work/surrogates-mbox.jsonl"
cat "$work/surrogates-git.jsonl" "$work/surrogates-mbox.jsonl" > "$HERE/surrogates.jsonl"

# 4. API backends (real Perceval backends, HTTP answered in-process) + RSS.
"$VENV/bin/python" "$HERE/generate_samples.py" "$HERE"

# 5. Invalid and packaging variants.
python3 - "$HERE" <<'PY'
import gzip, json, sys, os
here = sys.argv[1]
git_lines = open(os.path.join(here, 'git.jsonl'), 'rb').read().splitlines(keepends=True)
assert len(git_lines) == 6

# malformed.jsonl: git.jsonl lines 1, 2, 4, 5 intact; line 3 = git.jsonl line 3 cut short.
bad = git_lines[2][:333].rstrip(b'\n') + b'\n'
with open(os.path.join(here, 'malformed.jsonl'), 'wb') as fd:
    fd.writelines([git_lines[0], git_lines[1], bad, git_lines[3], git_lines[4]])

# empty.jsonl: 0 bytes.
open(os.path.join(here, 'empty.jsonl'), 'wb').close()

# git.jsonl.gz: gzip of git.jsonl, header mtime 0, FNAME "git.jsonl".
with open(os.path.join(here, 'git.jsonl.gz'), 'wb') as raw:
    with gzip.GzipFile(filename='git.jsonl', mode='wb', fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(b''.join(git_lines))
PY
# not-perceval.jsonl is hand-written and kept as is.

ls -l "$HERE"
