#!/usr/bin/env bash
# Build the small, deterministic "marigold" git repository that git.jsonl was
# made from.  Usage:  bash make_repo.sh [TARGET_DIR]   (default: ./marigold)
#
# Running it anywhere, with any user git config, gives the same commit SHAs
# (listed in README.md): all names, e-mails, dates, file contents and git
# settings that go into a commit object are fixed here.  Needs git >= 2.28.
set -euo pipefail

target="${1:-marigold}"
if [ -e "$target" ]; then
    echo "make_repo.sh: $target already exists; remove it or give another path" >&2
    exit 1
fi

# Ignore the user's and the system's git configuration (signing, hooks,
# templates, autocrlf, default branch ...).
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export HOME=/nonexistent-make-repo-home
export LC_ALL=C
export TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
      GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_TEMPLATE_DIR 2>/dev/null || true
umask 022

git init -q -b main --template= "$target"
cd "$target"
git config core.autocrlf false
git config core.fileMode true
git config commit.gpgsign false
git config tag.gpgsign false
git config i18n.commitEncoding UTF-8
git config user.name "Nobody"          # never used: every commit sets GIT_* below
git config user.email "nobody@example.invalid"

# commit AUTHOR_NAME AUTHOR_EMAIL AUTHOR_DATE COMMITTER_NAME COMMITTER_EMAIL COMMITTER_DATE MESSAGE
commit() {
    GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
    GIT_COMMITTER_NAME="$4" GIT_COMMITTER_EMAIL="$5" GIT_COMMITTER_DATE="$6" \
        git commit -q --no-verify --cleanup=verbatim -m "$7"
}

JANE=("Jane Doe" "jane.doe@example.org")
TOMAS=("Tomás Oliveira" "tomas@example.net")
AMARA=("Amara Okafor" "amara.okafor@example.org")
GITHUB=("GitHub" "noreply@github.com")

# 1. Jane: initial layout (src/, docs/)
mkdir -p src/marigold docs tests
printf '# Marigold\n\nA seed-library catalogue for community gardens.\n' > README.md
printf '"""Marigold seed-library catalogue."""\n\n__version__ = "0.1.0"\n' > src/marigold/__init__.py
printf '# Marigold documentation\n\nStart with the catalogue format.\n' > docs/index.md
git add README.md src/marigold/__init__.py docs/index.md
commit "${JANE[@]}" "2026-02-23T09:00:00+0100" "${JANE[@]}" "2026-02-23T09:00:00+0100" \
"Initial project layout"

# 2. Tomás (UTC-3), co-authored with Amara: parser + tests
cat > src/marigold/catalogue.py <<'PY'
"""Parse seed catalogue lines: 'name;variety;packets'."""


def parse_line(line):
    name, variety, packets = line.rstrip("\n").split(";")
    return {"name": name, "variety": variety, "packets": int(packets)}


def page(items, number, size=10):
    start = number * size
    return items[start:start + size + 1]
PY
cat > tests/test_catalogue.py <<'PY'
from marigold.catalogue import parse_line


def test_parse_line():
    assert parse_line("Calendula;Orange Flash;12\n") == {
        "name": "Calendula", "variety": "Orange Flash", "packets": 12}
PY
git add src/marigold/catalogue.py tests/test_catalogue.py
commit "${TOMAS[@]}" "2026-02-24T14:30:00-0300" "${TOMAS[@]}" "2026-02-24T14:30:00-0300" \
"Add seed catalogue parser

Parses the semicolon-separated catalogue used by the Vila Nova
seed library (sementes crioulas, feira de sábado).

Co-authored-by: Amara Okafor <amara.okafor@example.org>"

# 3. Amara, on a topic branch (this is the head of GitHub PR #12)
git checkout -q -b contributor-guide
cat > docs/contributing.md <<'MD'
# Contributing to Marigold

1. Open an issue first for anything larger than a typo.
2. Run `pytest tests/` before you push.
3. Be kind: Marigold is run by volunteers.
MD
git add docs/contributing.md
commit "${AMARA[@]}" "2026-02-25T10:15:00+0100" "${AMARA[@]}" "2026-02-25T10:15:00+0100" \
"docs: add contributor guide"

# 4. back on main: Tomás wrote the fix, Jane applied it a day later
git checkout -q main
cat > src/marigold/catalogue.py <<'PY'
"""Parse seed catalogue lines: 'name;variety;packets'."""


def parse_line(line):
    name, variety, packets = line.rstrip("\n").split(";")
    return {"name": name, "variety": variety, "packets": int(packets)}


def page(items, number, size=10):
    start = number * size
    return items[start:start + size]
PY
cat >> tests/test_catalogue.py <<'PY'


def test_page_has_size_items():
    from marigold.catalogue import page
    assert page(list(range(25)), 1) == list(range(10, 20))
PY
git add src/marigold/catalogue.py tests/test_catalogue.py
commit "${TOMAS[@]}" "2026-02-25T16:00:00+0000" "${JANE[@]}" "2026-02-26T08:00:00+0100" \
"Fix off-by-one in catalogue paging

page() returned size+1 items.  Reported on the list by Renée."

# 5. merge commit, as GitHub's "Merge pull request" button writes it
GIT_AUTHOR_NAME="${JANE[0]}" GIT_AUTHOR_EMAIL="${JANE[1]}" GIT_AUTHOR_DATE="2026-02-26T11:00:00+0100" \
GIT_COMMITTER_NAME="${GITHUB[0]}" GIT_COMMITTER_EMAIL="${GITHUB[1]}" GIT_COMMITTER_DATE="2026-02-26T11:00:00+0100" \
    git merge -q --no-ff --no-verify --no-edit --cleanup=verbatim -m "Merge pull request #12 from amara-o/contributor-guide

docs: add contributor guide" contributor-guide
git branch -q -D contributor-guide

# 6. Tomás: rename docs/index.md -> docs/README.md, tagged v0.1.0
git mv docs/index.md docs/README.md
git add -A
commit "${TOMAS[@]}" "2026-02-27T18:45:00-0300" "${TOMAS[@]}" "2026-02-27T18:45:00-0300" \
"docs: renomear índice para README"
git tag v0.1.0

git log --format='%H %s' --reverse --topo-order main
