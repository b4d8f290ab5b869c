#!/usr/bin/env bash
# Build the tiny "marigold-legacy" git repository behind the git items of
# surrogates.jsonl.  Its commits carry raw Latin-1 bytes (no encoding header),
# as old repositories converted from CVS/SVN often do:
#   * author name  "Ren\xE9 Faure"          (0xE9 is not valid UTF-8 here)
#   * message body contains the byte 0xFF   ("\xFF" alone, never valid UTF-8)
# `perceval git` decodes git's output with errors='surrogateescape', so these
# bytes come out as the lone surrogates U+DCE9 and U+DCFF, written by
# json.dumps as the escapes \udce9 and \udcff.
# Usage:  bash make_legacy_repo.sh [TARGET_DIR]   (default: ./marigold-legacy)
# Deterministic like make_repo.sh (fixed names, dates, contents, config).
set -euo pipefail

target="${1:-marigold-legacy}"
if [ -e "$target" ]; then
    echo "make_legacy_repo.sh: $target already exists" >&2
    exit 1
fi

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
git config commit.gpgsign false
git config user.name "Nobody"
git config user.email "nobody@example.invalid"

# `git commit` would "fix" non-UTF-8 bytes (it re-encodes them from Latin-1
# to UTF-8), so the commit objects are written by hand with hash-object.
RENE=$'Ren\xe9 Faure'          # Latin-1 e-acute, raw byte 0xE9

# mkcommit TREE PARENT|- AUTHOR AUTHOR_EPOCH_TZ COMMITTER COMMITTER_EPOCH_TZ MESSAGE
mkcommit() {
    {
        printf 'tree %s\n' "$1"
        if [ "$2" != "-" ]; then printf 'parent %s\n' "$2"; fi
        printf 'author %s %s\n' "$3" "$4"
        printf 'committer %s %s\n' "$5" "$6"
        printf '\n%s\n' "$7"
    } | git hash-object -t commit -w --stdin
}

mkdir -p src
printf 'legacy catalogue importer\n' > src/legacy.txt
git add src/legacy.txt
tree1=$(git write-tree)
c1=$(mkcommit "$tree1" - \
    "$RENE <rene.faure@example.fr>" "1243850400 +0200" \
    "$RENE <rene.faure@example.fr>" "1243850400 +0200" \
    $'Import du catalogue (r\xe9vision 1)\n\nConverti depuis CVS; octet brut \xff conserv\xe9.')

printf 'legacy catalogue importer\nsecond line\n' > src/legacy.txt
git add src/legacy.txt
tree2=$(git write-tree)
c2=$(mkcommit "$tree2" "$c1" \
    "Jane Doe <jane.doe@example.org>" "1243931400 +0000" \
    "$RENE <rene.faure@example.fr>" "1243929600 +0200" \
    "Add second line (plain ASCII message, Latin-1 committer)")

git update-ref refs/heads/main "$c2"
git symbolic-ref HEAD refs/heads/main
git reset -q --hard main

git log --format='%H' --reverse main
