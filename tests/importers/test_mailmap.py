from seedbed.importers.mailmap import Mailmap, parse

TEXT = """
# comment
Jane Doe <jane@home.org>
<jane@home.org> <jdoe@work.com>
Jane Doe <jane@home.org> J. Doe <old@uni.edu>
Proper Bob <bob@x.org> <BOB@Legacy.org>  # trailing comment
not an entry
"""


def test_it_parses_the_four_forms():
    entries = parse(TEXT)
    assert len(entries) == 4
    assert entries[0].proper_name == "Jane Doe" and entries[0].commit_email == "jane@home.org"
    assert entries[2].commit_name == "J. Doe"


def test_canonical_follows_gitmailmap_rules():
    mm = Mailmap(parse(TEXT))
    assert mm.canonical("jane", "jane@home.org") == ("Jane Doe", "jane@home.org")
    assert mm.canonical("Jane", "JDOE@work.com") == ("Jane", "jane@home.org")
    assert mm.canonical("j. doe", "old@uni.edu") == ("Jane Doe", "jane@home.org")
    # the name-specific entry does not match another name on the same address
    assert mm.canonical("Someone Else", "old@uni.edu") == ("Someone Else", "old@uni.edu")
    assert mm.canonical("B", "bob@legacy.org") == ("Proper Bob", "bob@x.org")
    assert mm.canonical("Nobody", "nobody@x.org") == ("Nobody", "nobody@x.org")


def test_later_entries_fill_in_what_earlier_ones_left_out_as_git_does():
    mm = Mailmap(parse("Jane Doe <jdoe@work.com>\n<jane@home.org> <jdoe@work.com>\n"))
    assert mm.canonical("jd", "jdoe@work.com") == ("Jane Doe", "jane@home.org")
    assert mm.lookup("Jane Doe", "jane@home.org") is None
