import pytest

from seedbed.people.names import fold, handle_form, is_bot, name_handles, parse_address, parse_name


@pytest.mark.parametrize(
    "raw, tokens",
    [
        ("Jérôme Richard", ("jerome", "richard")),
        ("Дмитрий Иванов", ("dmitrii", "ivanov")),
        ("刘星雨", ("liu", "xing", "yu")),
        ("Flamm, Matthew H", ("matthew", "flamm")),  # "Last, First M"
        ("Andrew Knyazev, Professor Emeritus", ("andrew", "knyazev")),  # a title after the comma
        ("Robert (Bob) Smith", ("robert", "smith")),
        ("Dr. Ann Lee", ("ann", "lee")),
    ],
)
def test_names_fold_to_ascii_tokens(raw, tokens):
    assert parse_name(raw).tokens == tokens


def test_name_order_does_not_change_the_key():
    assert parse_name("Li Wei").key == parse_name("Wei Li").key


def test_another_script_has_the_same_letters():
    assert parse_name("刘星雨").letters == parse_name("Xingyu Liu").letters
    assert parse_name("刘星雨").non_latin and not parse_name("Xingyu Liu").non_latin


def test_initials_and_nicknames_are_kept_apart_from_the_name():
    name = parse_name("Erik M. Bray")
    assert name.tokens == ("erik", "bray") and name.initials == ("m",)
    assert parse_name("Robert (Bob) Smith").aliases == ("bob",)


def test_one_word_names_are_handles_with_parts():
    name = parse_name("MatthewFlamm")
    assert not name.full and name.handle == "matthewflamm" and name.handle_parts == ("matthew", "flamm")
    assert parse_name("luz.paz").handle == "luzpaz"
    guesnet = parse_name("EGuesnet")  # an initial and a family name, as "E. Guesnet"
    assert (guesnet.tokens, guesnet.initials, guesnet.handle) == (("guesnet",), ("e",), "eguesnet")
    assert parse_name("MinRK").tokens == () and parse_name("DWESL").tokens == ()


@pytest.mark.parametrize("raw", ["", "Unknown", "root", "  ubuntu ", "Your Name"])
def test_placeholder_names_say_nothing(raw):
    name = parse_name(raw)
    assert not name.tokens and not name.handle


def test_name_handles_include_common_username_shapes():
    handles = name_handles(parse_name("Joel Nothman"))
    assert {"joelnothman", "jnothman", "nothmanj"} <= set(handles)
    assert handles["joelnothman"] > handles["jnothman"] > handles["nothmanj"]
    assert name_handles(parse_name("jnothman")) == {}


def test_github_noreply_addresses_carry_the_login():
    assert parse_address("49699333+Dependabot[bot]@users.noreply.github.com").local == "dependabotbot"
    with_id = parse_address("12345+JDoe@users.noreply.github.com")
    without_id = parse_address("jdoe@users.noreply.github.com")
    assert with_id.kind == without_id.kind == "github"
    assert with_id.local == without_id.local == "jdoe"


@pytest.mark.parametrize(
    "email, kind",
    [
        ("jane@uni.edu", "personal"),
        ("git@srimukh.com", "personal"),  # a generic local part on someone's own domain
        ("minrk@Mercury.local", "host"),  # a machine account: its user name is a handle
        ("dhuard@localhost", "host"),
        ("devnull@localhost", "none"),
        ("noreply@github.com", "none"),
        ("", "none"),
        ("?@?", "none"),
        ("jon@laptop.(none)", "host"),
        ("root@buildbox", "none"),
        ("no-at-sign", "none"),
    ],
)
def test_address_kinds(email, kind):
    assert parse_address(email).kind == kind


def test_plus_addresses_share_a_mailbox_and_freemail_is_no_organisation():
    a, b = parse_address("kaistriega+github@gmail.com"), parse_address("KaiStriega@gmail.com")
    assert a.mailbox == b.mailbox == "kaistriega@gmail.com"
    assert a.domain == "" and parse_address("x@cs.uni.ac.uk").domain == "uni.ac.uk"


def test_a_name_written_in_the_local_part_is_read():
    assert parse_address("joel.nothman@gmail.com").local_name.tokens == ("joel", "nothman")
    assert not parse_address("jnothman@gmail.com").local_name.tokens


@pytest.mark.parametrize(
    "name, email, bot",
    [
        ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", True),
        ("Release Bot", "release@proj.org", True),
        ("ci", "ci-bot@proj.org", True),
        ("GitHub Actions", "github-actions@github.com", True),
        ("renovate", "renovate@whitesourcesoftware.com", True),
        ("Jane Botha", "jane-botanist@proj.org", False),
        ("Abbot Smith", "abbot@proj.org", False),
    ],
)
def test_bots(name, email, bot):
    assert is_bot(name, email) is bot


def test_fold_and_handle_form():
    assert fold("Søren Łukasz") == "soren lukasz"
    assert handle_form("Kai-Striega_99") == "kaistriega99"
