"""Importing mailing-list archives into the database: whole, again, incrementally, badly."""
import gzip
import random

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


def threaded(n, sender, subject, parent=None, refs=(), body="words"):
    extra = (f"In-Reply-To: <{parent}@example.org>\n" if parent is not None else "") + \
        (f"References: {' '.join(f'<{r}@example.org>' for r in refs)}\n" if refs else "")
    return (f"From {sender} Mon Mar  2 10:00:00 2026\nFrom: {sender}\nSubject: {subject}\nMessage-ID: <{n}@example.org>\n"
            f"{extra}Date: Mon, 02 Mar 2026 1{n}:00:00 +0000\n\n{body}\n\n")


ROOT_Q = threaded(1, "ana@example.org", "How do I sync?", body="How?")
MID = threaded(2, "bo@example.org", "Re: How do I sync?", 1, (1,))
LEAF = threaded(3, "cy@example.org", "Re: How do I sync?", 2, (1, 2))


def facts():
    return sorted(Activity.objects.values_list("key", "thread_key", "contribution_type", "parent__key", "replies_received"))


@pytest.mark.parametrize("files", [[[ROOT_Q, MID, LEAF]], [[ROOT_Q, MID], [LEAF]], [[LEAF], [ROOT_Q, MID]],
                                   [[MID], [LEAF], [ROOT_Q]]])
def test_threads_types_and_counts_do_not_depend_on_how_the_archive_is_split(tmp_path, files):
    for i, messages in enumerate(files):
        import_mbox(write(tmp_path / f"part{i}.mbox", *messages), list_name="dev")
    assert facts() == [
        ("<1@example.org>", "<1@example.org>", "ideas", None, 1),
        ("<2@example.org>", "<1@example.org>", "question", "<1@example.org>", 1),
        ("<3@example.org>", "<1@example.org>", "question", "<2@example.org>", 0),
    ]


def test_a_reply_to_oneself_under_another_address_is_not_a_reply_received(tmp_path):
    ann = Person.objects.create(display_name="Ann Lee")
    for address in ("ann@home.example", "ann@work.example"):
        Identity.objects.create(person=ann, source_kind="mbox", source_instance="dev", key=address, email=address)
    import_mbox(write(tmp_path / "a.mbox", threaded(1, "ann@home.example", "Idea"),
                      threaded(2, "ann@work.example", "Re: Idea", 1)), list_name="dev")
    assert Activity.objects.get(key="<1@example.org>").replies_received == 0


def test_one_message_per_message_id_and_a_clash_is_reported(tmp_path):
    result = import_mbox(write(tmp_path / "dup.mbox", threaded(1, "ana@example.org", "A"), threaded(1, "ana@example.org", "A"),
                               threaded(1, "bo@example.org", "B", body="another message")))
    assert (result.messages, result.created) == (1, 1)
    assert len(result.skipped) == 1 and "same Message-ID as message 1" in result.skipped[0]


def test_prose_starting_with_from_is_body_and_a_utf8_body_labelled_latin1_is_read(tmp_path):
    body = "First line.\n\nFrom the docs, I think it works.\n\nBye"
    raw = threaded(1, "ana@example.org", "Docs", body=body).replace(
        "\n\nFirst", "\nContent-Type: text/plain; charset=iso-8859-1\n\nFirst", 1) + threaded(2, "bo@example.org", "Caf\u00e9")
    import_mbox(write(tmp_path / "prose.mbox", raw.replace("it works", "caf\u00e9 na\u00efve works")))
    first = Activity.objects.get(key="<1@example.org>")
    assert "From the docs" in first.body and "caf\u00e9 na\u00efve" in first.body and Activity.objects.count() == 2


@pytest.mark.parametrize("content", [b"", b"\n\n\n", gzip.compress(b"")])
def test_empty_archives_are_errors_not_successes(tmp_path, content):
    path = tmp_path / "empty.mbox.gz"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match="no messages"):
        import_mbox(str(path))


def test_skip_bad_keeps_what_came_before_a_truncation(tmp_path):
    rng = random.Random(7)  # bodies that do not compress, so the cut falls inside the archive
    data = "".join(threaded(n, "ana@example.org", f"Topic {n}", body=f"{rng.getrandbits(8000):x}")
                   for n in range(1, 9)).encode()
    compressed = gzip.compress(data)
    path = tmp_path / "cut.mbox.gz"
    path.write_bytes(compressed[:len(compressed) // 2])
    with pytest.raises(ImportFailed, match="truncated"):
        import_mbox(str(path))
    result = import_mbox(str(path), skip_bad=True)
    assert result.created >= 1 and "truncated" in result.skipped[-1]
    assert Source.objects.get().status == "ok"


def test_pipermail_monthly_archives_of_one_folder_are_one_list(tmp_path):
    folder = tmp_path / "marigold-dev"
    folder.mkdir()
    import_mbox(write(folder / "2026-March.txt", threaded(1, "ana@example.org", "A")))
    import_mbox(write(folder / "2026-April.txt", threaded(2, "ana@example.org", "B")))
    assert set(Activity.objects.values_list("channel", flat=True)) == {"marigold-dev"}
    assert Identity.objects.count() == 1
