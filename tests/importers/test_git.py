import os
import subprocess

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.importers.errors import ImportFailed
from seedbed.importers.git import import_repository
from seedbed.people.models import Identity, MergeRecord, Person

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything an import writes, as comparable values."""
    return (
        sorted(Activity.objects.values_list("platform", "key", "identity_id", "kind", "committer_id", "lines_added")),
        sorted(Identity.objects.values_list("id", "person_id", "key")),
        sorted(Person.objects.values_list("id", "merged_into_id", "first_seen", "last_seen")),
        MergeRecord.objects.count(),
    )


def test_each_commit_is_one_activity_of_its_author_with_committer_and_co_authors(make_repo):
    repo = make_repo()
    repo.commit("Add docs", {"docs/guide.md": "one\ntwo\n"})
    sha = repo.commit(
        "Fix parser\n\nCo-authored-by: Bo Chen <bo@chen.dev>\nCo-authored-by: Ada Lovelace <ada@analytical.org>",
        {"src/parser.py": "x = 1\n"}, author=("Grace Hopper", "grace@navy.mil"), committer=("Linus", "linus@kernel.org"),
    )
    result = import_repository(str(repo.path))
    assert result.commits_seen == 2
    commit = Activity.objects.get(platform="git", key=sha)
    assert commit.kind == "commit"
    assert commit.identity.name == "Grace Hopper"
    assert commit.committer.email == "linus@kernel.org"
    assert commit.contribution_type == "code"
    assert (commit.files_changed, commit.lines_added, commit.lines_removed) == (1, 1, 0)
    assert commit.title == "Fix parser"
    co = Activity.objects.filter(kind="co-authored", parent_key=sha)
    assert sorted(co.values_list("identity__name", flat=True)) == ["Ada Lovelace", "Bo Chen"]
    assert Activity.objects.filter(kind="commit").count() == 2
    assert Activity.objects.get(kind="commit", title="Add docs").contribution_type == "doc"
    # the committer is an identity too
    assert Identity.objects.filter(source_kind="git", email="linus@kernel.org").exists()
    assert Source.objects.get(kind="git").status == "ok"


def test_same_personal_email_is_one_person_and_placeholders_stay_apart(make_repo):
    repo = make_repo()
    repo.commit("a", author=("Jane Doe", "jane@doe.net"))
    repo.commit("b", author=("J. Doe", "JANE@doe.net"))
    repo.commit("c", author=("Alice", "devnull@localhost"))
    repo.commit("d", author=("Bob", "devnull@localhost"))
    import_repository(str(repo.path))
    jane = Identity.objects.filter(email_key="jane@doe.net")
    assert jane.count() == 2 and len({i.person_id for i in jane}) == 1
    assert len(set(Identity.objects.filter(email="devnull@localhost").values_list("person_id", flat=True))) == 2
    # raw values are stored exactly as written
    assert set(jane.values_list("email", flat=True)) == {"jane@doe.net", "JANE@doe.net"}


def test_every_ref_is_imported_including_branches_tags_and_bare_clones(make_repo, tmp_path):
    repo = make_repo()
    repo.commit("main 1")
    repo.git("checkout", "-q", "-b", "feature")
    feature = repo.commit("feature only")
    repo.git("checkout", "-q", "main")
    repo.git("checkout", "-q", "--orphan", "pages")
    tagged = repo.commit("orphan tagged")
    repo.git("tag", "-a", "v1", "-m", "release")
    repo.git("checkout", "-q", "main")
    repo.git("branch", "-D", "pages")
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--mirror", str(repo.path), str(bare)], check=True)
    import_repository(str(bare))
    keys = set(Activity.objects.values_list("key", flat=True))
    assert {feature, tagged} <= keys and len(keys) == 3


def test_mailmap_merges_are_confirmed_records_and_raw_identities_stay(make_repo):
    repo = make_repo()
    repo.commit("a", author=("Jane Doe", "jane@home.org"))
    repo.commit("b", author=("jdoe", "jdoe@work.com"))
    repo.commit("mailmap", {".mailmap": "Jane Doe <jane@home.org> <jdoe@work.com>\n"})
    import_repository(str(repo.path))
    ids = Identity.objects.filter(email__in=["jane@home.org", "jdoe@work.com"])
    assert len({i.person_id for i in ids}) == 1
    assert set(ids.values_list("name", flat=True)) == {"Jane Doe", "jdoe"}  # not rewritten
    record = MergeRecord.objects.get()
    assert record.method == "mailmap" and record.confirmed and ".mailmap" in record.reason


def test_no_mailmap_leaves_people_apart(make_repo):
    repo = make_repo()
    repo.commit("a", author=("Jane Doe", "jane@home.org"))
    repo.commit("b", author=("jdoe", "jdoe@work.com"))
    repo.commit("mailmap", {".mailmap": "Jane Doe <jane@home.org> <jdoe@work.com>\n"})
    import_repository(str(repo.path), use_mailmap=False)
    assert MergeRecord.objects.count() == 0
    assert Identity.objects.filter(email__in=["jane@home.org", "jdoe@work.com"]).values("person").distinct().count() == 2


def test_legacy_encodings_are_decoded_and_recorded(make_repo):
    repo = make_repo()
    # Written by hand: git itself would refuse to make these commits today.
    tree = repo.git("write-tree")
    # no encoding header and Latin-1 bytes: decoded as Latin-1
    raw = (
        f"tree {tree}\nauthor Ren\xe9 Dupont <rene@dupont.fr> 1700000000 +0100\n"
        f"committer Ren\xe9 Dupont <rene@dupont.fr> 1700000000 +0100\n\nd\xe9j\xe0 vu\n"
    ).encode("latin-1")
    sha = repo.git("hash-object", "-t", "commit", "-w", "--stdin", input=raw)
    # an encoding header: git re-encodes to UTF-8
    declared = (
        f"tree {tree}\nauthor Jürgen Groß <jg@gross.de> 1700000100 +0100\n"
        f"committer Jürgen Groß <jg@gross.de> 1700000100 +0100\nencoding ISO-8859-1\n\nÜber\n"
    ).encode("latin-1")
    sha2 = repo.git("hash-object", "-t", "commit", "-w", "--stdin", input=declared)
    repo.git("update-ref", "refs/heads/legacy", sha)
    repo.git("update-ref", "refs/heads/declared", sha2)
    import_repository(str(repo.path))
    rene = Identity.objects.get(email="rene@dupont.fr")
    assert rene.name == "René Dupont" and rene.raw_encoding == "latin-1"
    assert Activity.objects.get(key=sha).title == "déjà vu"
    assert Identity.objects.get(email="jg@gross.de").name == "Jürgen Groß"
    assert Activity.objects.get(key=sha2).title == "Über"


def test_second_run_imports_only_new_commits_and_rerun_changes_nothing(make_repo):
    repo = make_repo()
    for i in range(5):
        repo.commit(f"c{i}", {f"f{i}.py": "x\n"})
    first = import_repository(str(repo.path))
    before = snapshot()
    again = import_repository(str(repo.path))
    assert (again.commits_seen, again.activities_created, again.identities_created) == (0, 0, 0)
    assert snapshot() == before
    repo.commit("new", {"new.py": "y\n"}, author=("Newcomer", "new@comer.io"), date="2024-02-01T00:00:00Z")
    third = import_repository(str(repo.path))
    assert (first.commits_seen, third.commits_seen, third.activities_created) == (5, 1, 1)
    assert third.incremental
    newcomer = Person.objects.get(identities__email="new@comer.io")
    assert newcomer.first_seen.isoformat().startswith("2024-02-01")


def test_history_rewritten_under_the_cursor_still_imports(make_repo):
    repo = make_repo()
    repo.commit("one")
    import_repository(str(repo.path))
    repo.git("commit", "-q", "--allow-empty", "--amend", "-m", "one, amended")
    repo.git("reflog", "expire", "--expire=now", "--all")
    repo.git("gc", "-q", "--prune=now")
    result = import_repository(str(repo.path))
    assert result.commits_seen == 1 and Activity.objects.filter(kind="commit").count() == 2


def test_not_a_repository_is_a_one_line_error_and_writes_nothing(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "file.txt").write_text("x")
    for path, message in [
        (tmp_path / "plain", "not a git repository"),
        (tmp_path / "file.txt", "not a directory"),
        (tmp_path / "missing", "no such file or directory"),
    ]:
        with pytest.raises(ImportFailed, match=message) as info:
            import_repository(str(path))
        assert "\n" not in str(info.value) and str(path) in str(info.value)
    assert (Source.objects.count(), Person.objects.count()) == (0, 0)


def test_a_corrupt_object_aborts_and_leaves_the_database_as_it_was(make_repo):
    repo = make_repo()
    repo.commit("ok", {"a.py": "print(1)\n"})
    import_repository(str(repo.path))
    before = snapshot()
    repo.commit("more", {"b.py": "print(2)\n" * 50})
    blob = repo.git("rev-parse", "HEAD:b.py")
    path = repo.path / ".git" / "objects" / blob[:2] / blob[2:]
    os.chmod(path, 0o644)
    path.write_bytes(b"this is not a zlib stream")
    with pytest.raises(ImportFailed, match="git log failed") as info:
        import_repository(str(repo.path))
    assert "\n" not in str(info.value)
    assert snapshot() == before
    source = Source.objects.get()
    assert source.status == "failed" and "git log failed" in source.error


def test_progress_is_reported_in_commits(make_repo):
    repo = make_repo()
    for i in range(3):
        repo.commit(f"c{i}")

    class Recorder:
        def __init__(self):
            self.events = []

        def start(self, total, unit):
            self.events.append(("start", total, unit))

        def advance(self, n=1):
            self.events.append(("advance", n))

        def finish(self):
            self.events.append(("finish",))

    rec = Recorder()
    import_repository(str(repo.path), progress=rec, count_first=True)
    assert rec.events[0] == ("start", 3, "commits")
    assert sum(e[1] for e in rec.events if e[0] == "advance") == 3
    assert rec.events[-1] == ("finish",)


def test_bot_commits_make_bot_people(make_repo):
    repo = make_repo()
    repo.commit("Bump x", author=("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"))
    import_repository(str(repo.path))
    identity = Identity.objects.get(name="dependabot[bot]")
    assert identity.is_bot and identity.person.kind == "bot"


def test_stashes_and_notes_are_not_contributions(make_repo):
    repo = make_repo()
    real = repo.commit("real", {"a.py": "1\n"})
    (repo.path / "a.py").write_text("2\n")
    repo.git("stash", "-q")
    repo.git("notes", "add", "-m", "a note", "HEAD")
    import_repository(str(repo.path))
    assert list(Activity.objects.values_list("key", flat=True)) == [real]


def test_control_characters_in_a_message_do_not_break_the_import(make_repo):
    repo = make_repo()
    repo.commit("before")
    (repo.path / "msg").write_bytes(b"odd \x1f unit \x1e record\n")
    repo.git("commit", "-q", "--allow-empty", "-F", "msg")
    repo.commit("after")
    result = import_repository(str(repo.path))
    assert result.commits_seen == 3
    assert Activity.objects.filter(title="odd \x1f unit \x1e record").exists()


def test_mailmap_entries_merge_into_one_person_and_leave_unmentioned_identities_alone(make_repo):
    repo = make_repo()
    repo.commit("a", author=("Jane Doe", "jane@home.org"))
    repo.commit("b", author=("jdoe", "jdoe@work.com"))
    repo.commit("c", author=("J", "j@uni.edu"))
    repo.commit("d", author=("Alice", "devnull@localhost"))
    repo.commit("e", author=("Alice", "DEVNULL@localhost"))
    repo.commit(
        "mailmap",
        {".mailmap": "Jane Doe <jane@home.org> <jdoe@work.com>\n<jane@home.org> J <j@uni.edu>\n"},
    )
    import_repository(str(repo.path))
    jane = Identity.objects.filter(email__in=["jane@home.org", "jdoe@work.com", "j@uni.edu"])
    assert len({i.person_id for i in jane}) == 1
    alices = Identity.objects.filter(name="Alice")
    assert len({i.person_id for i in alices}) == 2  # the .mailmap says nothing about them


def test_a_mailmap_merge_a_steward_undid_stays_undone(make_repo):
    from seedbed.people.services import undo_merge

    repo = make_repo()
    repo.commit("a", author=("Jane Doe", "jane@home.org"))
    repo.commit("b", author=("jdoe", "jdoe@work.com"))
    repo.commit("mailmap", {".mailmap": "Jane Doe <jane@home.org> <jdoe@work.com>\n"})
    import_repository(str(repo.path))
    undo_merge(MergeRecord.objects.get())
    repo.commit("more")
    import_repository(str(repo.path))
    assert MergeRecord.objects.count() == 1
    assert Identity.objects.filter(email__in=["jane@home.org", "jdoe@work.com"]).values("person").distinct().count() == 2
