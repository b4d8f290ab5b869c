from hypothesis import given
from hypothesis import strategies as st

from seedbed.importers import gitlog

NUL = "\x00"


def record(sha="a" * 40, parents="", an="Ann", ae="ann@x.org", at="1700000000", cn="Ann", ce="ann@x.org",
           ct="1700000000", enc="", message="Subject\n\nBody\n", numstat="") -> bytes:
    """What ``git log --format=LOG_FORMAT --numstat`` prints for one commit."""
    fields = [sha, parents, an, ae, at, cn, ce, ct, enc, message]
    return (NUL + "".join(f + NUL for f in fields) + "\n" + numstat).encode("utf-8")


def test_it_parses_fields_and_numstat():
    raw = record(numstat="\n3\t1\tsrc/a.py\n-\t-\timg/logo.png\n")
    [commit] = gitlog.parse_stream([raw])
    assert commit.sha == "a" * 40
    assert commit.title == "Subject" and commit.body == "Body"
    assert commit.changes == [("src/a.py", 3, 1), ("img/logo.png", 0, 0)]
    assert (commit.lines_added, commit.lines_removed) == (3, 1)


def test_it_handles_records_split_across_chunks():
    raw = record(sha="b" * 40) + record(sha="c" * 40, parents="b" * 40)
    chunks = [raw[i : i + 7] for i in range(0, len(raw), 7)]
    commits = list(gitlog.parse_stream(chunks))
    assert [c.sha for c in commits] == ["b" * 40, "c" * 40]
    assert commits[1].parents == ("b" * 40,)


def test_it_reads_co_authored_by_trailers_once_each():
    message = "Fix\n\nCo-authored-by: Bo Chen <bo@x.org>\nco-authored-by:  B. Chen <BO@x.org>\nCo-Authored-By: Li <li@y.cn>\n"
    [commit] = gitlog.parse_stream([record(message=message)])
    assert [(p.name, p.email) for p in commit.co_authors] == [("Bo Chen", "bo@x.org"), ("Li", "li@y.cn")]


def test_it_decodes_latin1_when_not_utf8():
    raw = record().replace("Ann".encode(), b"Ren\xe9", 1)
    [commit] = gitlog.parse_stream([raw])
    assert commit.author.name == "René"
    assert commit.author.encoding == "latin-1"


def test_it_uses_the_declared_encoding_when_git_could_not_convert():
    raw = record(enc="KOI8-R").replace("Ann".encode(), "Иван".encode("koi8-r"), 1)
    [commit] = gitlog.parse_stream([raw])
    assert commit.author.name == "Иван"
    assert commit.author.encoding == "KOI8-R"


def test_it_unquotes_c_style_paths():
    assert gitlog.unquote_path(b'"caf\\303\\251 \\"menu\\".txt"') == 'café "menu".txt'
    assert gitlog.unquote_path(b"plain/path.py") == "plain/path.py"


def test_control_characters_in_messages_and_names_are_kept():
    message = "weird \x1f unit \x1e record\n\nbody \x1c"
    [commit] = gitlog.parse_stream([record(message=message, an="An\x1fn", numstat="\n1\t0\ta.py\n")])
    assert commit.title == "weird \x1f unit \x1e record" and commit.author.name == "An\x1fn"
    assert commit.changes == [("a.py", 1, 0)]


def test_a_truncated_record_is_an_error_naming_it():
    raw = (NUL + NUL.join(["d" * 40, "", "Ann"])).encode()
    try:
        list(gitlog.parse_stream([raw]))
    except gitlog.GitLogError as exc:
        assert "fields" in str(exc)
    else:
        raise AssertionError("a truncated record must not parse")


@given(st.text(alphabet=st.characters(blacklist_characters="\x00<>\n\r", blacklist_categories=["Cs"]), min_size=1, max_size=40))
def test_any_utf8_name_round_trips(name):
    [commit] = gitlog.parse_stream([record(an=name)])
    assert commit.author.name == name
    assert commit.author.encoding == ""
