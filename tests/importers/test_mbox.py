"""Importing mailing-list archives into the database: whole, again, incrementally, badly."""
import gzip

import pytest

from seedbed.activity.models import Activity, Source
from seedbed.cli import main
from seedbed.importers.errors import ImportFailed
from seedbed.importers.mbox import import_mbox
from seedbed.people.erasure import ERASED_NAME, erase
from seedbed.people.models import Identity, Person

pytestmark = pytest.mark.django_db


def message(n: int, sender: str = "ana@example.org", name: str = "Ana Souza", subject: str = "Sync?",
            reply_to: int | None = None, body: str = "Sync fails. Any idea?") -> str:
    headers = [f"From: {name} <{sender}>", f"Subject: {subject}", f"Message-ID: <{n}@example.org>",
               f"Date: Mon, 02 Mar 2026 {10 + n % 10:02d}:00:00 +0000", "List-Id: Marigold dev <dev.lists.example.org>"]
    if reply_to is not None:
        headers.append(f"In-Reply-To: <{reply_to}@example.org>")
    return f"From {sender} Mon Mar  2 10:00:00 2026\n" + "\n".join(headers) + f"\n\n{body}\n\n"


def write(path, *messages, compress=False):
    data = "".join(messages).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return str(path)


THREAD = [message(1), message(2, "bo@example.org", "Bo Li", "Re: Sync?", 1, "Clear the cache."),
          message(3, subject="Re: Sync?", reply_to=2, body="That fixed it, thanks Bo!")]


def test_it_imports_messages_people_threads_and_replies_received(tmp_path):
    result = import_mbox(write(tmp_path / "march.mbox", *THREAD))
    assert (result.messages, result.created, result.identities_created) == (3, 3, 2)
    root, answer, thanks = Activity.objects.order_by("occurred_at")
    assert (root.kind, root.channel, root.thread_key, root.contribution_type) == (
        "message", "dev.lists.example.org", "<1@example.org>", "ideas")
    assert answer.parent == root and thanks.parent == answer and answer.contribution_type == "question"
    assert (root.replies_received, answer.replies_received, thanks.replies_received) == (1, 1, 0)
    assert set(Identity.objects.values_list("source_kind", "source_instance", "key")) == {
        ("mbox", "dev.lists.example.org", "ana@example.org"), ("mbox", "dev.lists.example.org", "bo@example.org")}
    assert Source.objects.get().cursor["complete"] is True


def test_a_second_run_changes_nothing_and_an_appended_archive_adds_only_the_new(tmp_path):
    path = write(tmp_path / "list.mbox", *THREAD)
    import_mbox(path)
    before = list(Activity.objects.order_by("id").values())
    again = import_mbox(path)
    assert again.unchanged and list(Activity.objects.order_by("id").values()) == before
    write(tmp_path / "list.mbox", *THREAD, message(4, "cy@example.org", "Cy Oduya", "Re: Sync?", 1, "Same here."))
    more = import_mbox(path)
    assert (more.messages, more.created) == (4, 1)
    assert Activity.objects.get(key="<1@example.org>").replies_received == 2


def test_gzip_archives_and_replies_across_files_link_up(tmp_path):
    import_mbox(write(tmp_path / "april.mbox.gz", message(5, "bo@example.org", "Bo Li", "Re: Sync?", 1, "Late answer"),
                      compress=True))
    assert Activity.objects.get(key="<5@example.org>").parent is None  # its question is in March
    import_mbox(write(tmp_path / "march.mbox", THREAD[0]))
    assert Activity.objects.get(key="<5@example.org>").parent.key == "<1@example.org>"
    assert Activity.objects.get(key="<1@example.org>").replies_received == 1


def test_bad_input_stops_before_anything_is_written_unless_skipped(tmp_path):
    broken = "From x Mon Mar  2 10:00:00 2026\nSubject: no sender\nMessage-ID: <9@example.org>\n\nbody\n\n"
    path = write(tmp_path / "bad.mbox", THREAD[0], broken, THREAD[1])
    with pytest.raises(ImportFailed, match=r"bad\.mbox: message 2 \(byte \d+\): no sender address"):
        import_mbox(path)
    assert not Activity.objects.exists() and not Identity.objects.exists()
    result = import_mbox(path, skip_bad=True)
    assert result.created == 2 and len(result.skipped) == 1 and "message 2" in result.skipped[0]


@pytest.mark.parametrize("content, error", [
    (gzip.compress(("".join(THREAD) * 50).encode())[:300], "truncated or corrupt"),
    (b'{"kind": "not a mailbox"}\n', "not an mbox archive"),
])
def test_broken_archives_are_one_line_errors(tmp_path, capsys, content, error):
    path = tmp_path / "archive.mbox.gz"
    path.write_bytes(content)
    assert main(["import", "mbox", str(path)]) == 1
    err = capsys.readouterr().err
    assert error in err and str(path) in err and err.count("\n") == 1
    assert not Activity.objects.exists()


def test_erased_people_stay_erased_on_a_reimport(tmp_path):
    path = write(tmp_path / "list.mbox", *THREAD)
    import_mbox(path)
    bo = Person.objects.get(identities__key="bo@example.org")
    erase(bo, actor_label="test")
    write(tmp_path / "list.mbox", *THREAD, message(6, "bo@example.org", "Bo Li", "Re: Sync?", 3, "Glad it helped"))
    import_mbox(path)
    assert not Identity.objects.filter(key="bo@example.org").exists()
    assert Activity.objects.get(key="<6@example.org>").identity.person.display_name == ERASED_NAME


def test_the_command_reports_what_it_did(tmp_path, capsys):
    path = write(tmp_path / "list.mbox", *THREAD)
    assert main(["import", "mbox", path, "--list", "dev"]) == 0
    out = capsys.readouterr().out
    assert "3 messages, 3 new, 0 skipped, 2 new identities" in out
    assert set(Activity.objects.values_list("channel", flat=True)) == {"dev"}
    assert main(["import", "mbox", path]) == 0 and "unchanged" in capsys.readouterr().out
