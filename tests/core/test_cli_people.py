"""`seedbed people merges …` and `seedbed identities mailmap / import-mailmap`."""
import json

import pytest

from seedbed.importers.mailmap import Mailmap, parse
from seedbed.people.models import Identity, KeepApart, MergeProposal, MergeRecord
from tests.core.test_cli import run

pytestmark = pytest.mark.django_db


def bram_repo(make_repo):
    repo = make_repo()
    repo.commit("a", {"a": "1"}, author=("Bram", "b.t.ton@saxion.nl"))
    repo.commit("b", {"b": "1"}, author=("Bram", "bram@cbbg.nl"))
    repo.commit("c", {"c": "1"}, author=("Jane Doe", "jane@a.org"))
    repo.commit("d", {"d": "1"}, author=("Jane Doe", "jane@b.org"))
    code, out, err = run("import", "git", "--no-mailmap", str(repo.path))
    assert code == 0, err
    assert "1 merged automatically; 1 proposed for review" in out
    return repo


def test_list_accept_and_undo(make_repo):
    bram_repo(make_repo)
    code, out, _ = run("people", "merges")
    proposal = MergeProposal.objects.get()
    assert code == 0 and f"proposal {proposal.pk}" in out and "b.t.ton@saxion.nl" in out and "bram@cbbg.nl" in out
    assert all(reason in out for reason in proposal.reasons)
    code, out, _ = run("people", "merges", "--json")
    [row] = json.loads(out)
    assert row["id"] == proposal.pk and row["confidence"] == proposal.confidence and row["reasons"] == proposal.reasons
    assert {i["email"] for i in row["a"]["identities"] + row["b"]["identities"]} == {"b.t.ton@saxion.nl", "bram@cbbg.nl"}

    code, out, _ = run("people", "merges", "accept", str(proposal.pk))
    record = MergeRecord.objects.get(method="steward")
    assert code == 0 and f"merge {record.pk}" in out and record.actor_label.startswith("command line")
    code, out, _ = run("people", "merges")
    assert "no merge proposals waiting" in out
    code, out, _ = run("people", "merges", "--history", "--json")
    assert [r["method"] for r in json.loads(out)] == ["steward", "resolver"]

    code, out, _ = run("people", "merges", "undo", str(record.pk))
    assert code == 0 and "two people again" in out
    assert Identity.objects.get(email="bram@cbbg.nl").person_id != Identity.objects.get(email="b.t.ton@saxion.nl").person_id
    code, _, err = run("people", "merges", "undo", str(record.pk))
    assert code == 1 and err.count("\n") == 1 and "already undone" in err


def test_reject_and_unsure(make_repo):
    bram_repo(make_repo)
    proposal = MergeProposal.objects.get()
    assert run("people", "merges", "unsure", str(proposal.pk))[0] == 0
    assert "(not sure)" in run("people", "merges")[1]
    code, out, _ = run("people", "merges", "reject", str(proposal.pk))
    assert code == 0 and "stay apart" in out and KeepApart.objects.count() == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (("people", "merges", "accept"), "needs the ID of a proposal"),
        (("people", "merges", "undo"), "needs the ID of a merge"),
        (("people", "merges", "accept", "999"), "there is no merge proposal 999"),
        (("people", "merges", "undo", "999"), "there is no merge 999"),
    ],
)
def test_bad_ids_give_one_line(argv, message):
    code, out, err = run(*argv)
    assert code == 1 and err.count("\n") == 1 and message in err and out == ""


def test_mailmap_round_trip(make_repo, tmp_path):
    bram_repo(make_repo)
    target = tmp_path / ".mailmap"
    code, _, err = run("identities", "mailmap", "--output", str(target))
    assert code == 0 and "1 entries" in err
    mailmap = Mailmap(parse(target.read_text()))
    # every git signature of a person maps to that person's one canonical signature
    by_person = {}
    for identity in Identity.objects.filter(source_kind="git"):
        by_person.setdefault(identity.person_id, set()).add(mailmap.canonical(identity.name, identity.email))
    assert all(len(canonicals) == 1 for canonicals in by_person.values())
    assert len(set().union(*by_person.values())) == len(by_person)  # and people stay apart
    before = MergeRecord.objects.count()
    code, out, _ = run("identities", "import-mailmap", str(target))
    assert code == 0 and "0 merges" in out and MergeRecord.objects.count() == before  # nothing to redo


def test_import_mailmap_makes_confirmed_merges_but_respects_rejections(make_repo, tmp_path):
    bram_repo(make_repo)
    proposal = MergeProposal.objects.get()
    run("people", "merges", "reject", str(proposal.pk))
    mailmap = tmp_path / "mm"
    mailmap.write_text("Bram <bram@cbbg.nl> <b.t.ton@saxion.nl>\nAda Lovelace <ada@analytical.org> <jane@a.org>\n")
    code, out, _ = run("identities", "import-mailmap", str(mailmap))
    assert code == 0 and "1 merges" in out
    record = MergeRecord.objects.get(method="mailmap")
    assert record.confirmed and str(mailmap) in record.reason
    assert Identity.objects.get(email="bram@cbbg.nl").person_id != Identity.objects.get(email="b.t.ton@saxion.nl").person_id


def test_import_mailmap_rejects_bad_files(tmp_path):
    code, _, err = run("identities", "import-mailmap", str(tmp_path / "missing"))
    assert code == 1 and "cannot read" in err and err.count("\n") == 1
    empty = tmp_path / "empty"
    empty.write_text("# nothing here\nnot an entry\n")
    code, _, err = run("identities", "import-mailmap", str(empty))
    assert code == 1 and "no .mailmap entries" in err


def test_erase_asks_for_yes_then_erases_for_good(make_repo):
    from seedbed.core.models import AuditAction, AuditEntry
    from seedbed.people.models import Person

    repo = make_repo("erase")
    repo.commit("one", {"a.txt": "1"}, author=("Jane Doe", "jane@a.org"))
    run("import", "git", "--no-mailmap", str(repo.path))
    jane = Identity.objects.get(email="jane@a.org").person
    code, out, err = run("people", "erase", str(jane.pk))
    assert code == 1 and "--yes" in err and "cannot be undone" in err and Person.objects.filter(pk=jane.pk).exists()
    code, out, err = run("people", "erase", str(jane.pk), "--yes")
    assert code == 0 and "1 identities removed, 1 activities kept" in out
    assert not Person.objects.filter(pk=jane.pk).exists()
    assert AuditEntry.objects.get(action=AuditAction.ERASED).actor_label.startswith("command line (")
    code, out, err = run("people", "erase", "99999", "--yes")
    assert code == 1 and err.strip() == "seedbed: error: there is no person 99999"
