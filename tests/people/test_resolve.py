"""The pure resolver: what it merges, what it only proposes, and what it never touches."""
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.people.evidence import Profile, evidence
from seedbed.people.resolve import AUTO, PROPOSE, Record, keys_for, resolve

_ids = itertools.count(1)


def records(*signatures, source="git"):
    """One record per (name, email[, username]), each its own person."""
    out = []
    for sig in signatures:
        name, email, *rest = sig
        n = next(_ids)
        out.append(Record(n, n, name, email, rest[0] if rest else "", source))
    return out


def outcome(recs, **kw):
    """'merged', 'proposed' or 'apart' for the first two records."""
    result = resolve(recs, **kw)
    a, b = recs[0].person, recs[1].person
    if any({m.keep, m.other} == {a, b} for m in result.merges):
        return "merged", result
    if any({m.keep, m.other} == {a, b} for m in result.proposals):
        return "proposed", result
    return "apart", result


@pytest.mark.parametrize(
    "a, b",
    [
        (("Jérôme Richard", "jerome@a.org"), ("Jerome Richard", "jr@b.org")),  # accents
        (("Дмитрий Иванов", "dima@a.org"), ("Dmitrii Ivanov", "divanov@b.org")),  # Cyrillic
        (("Li Wei", "lw@a.org"), ("Wei Li", "wl@b.org")),  # name order
        (("刘星雨", "xy@a.org"), ("Xingyu Liu", "liux@b.org")),  # CJK written in Latin
        (("Jane Doe", "jane@home.org"), ("JANE DOE", "jane@HOME.org")),  # case
        (("Erik M. Bray", "e@a.org"), ("Erik Bray", "eb@b.org")),  # initials
        (("Kader Miyanyedi", "48386782+Kadermiyanyedi@users.noreply.github.com"),
         ("Kadermiyanyedi", "kadermiyanyedi@hotmail.com")),  # GitHub login spells the name
        (("Kai", "kaistriega+github@gmail.com"), ("Kai Striega", "kaistriega@gmail.com")),  # one mailbox
        (("The Dog Lulu", "Iamsoto@users.noreply.github.com"),
         ("Brian Soto", "12+iamsoto@users.noreply.github.com")),  # one GitHub account, whatever the names
        (("Dieter Brunn", "12721170+dietbru@users.noreply.github.com"),
         ("vollbier", "12721170+vollbier@users.noreply.github.com")),  # one account number: a renamed login
        (("Robert Kern", "rkern@enthought.com"), ("rkern", "")),  # a username from before e-mail
        (("David Huard", "david.huard@gmail.com"), ("dhuard", "dhuard@localhost")),
        # a login that is the other's name, and an address that spells the other's full name
        (("Ankur Singh", "98346896+ankur0904@users.noreply.github.com"), ("ankur0904", "ankursingh91002@gmail.com")),
        (("Carlos Martin", "carlosgmartin@users.noreply.github.com"), ("carlosgmartin", "cgmartin@andrew.cmu.edu")),
        # two different handles link them: a login that is the other's name, a name that is the other's address
        (("eskild", "42120229+iameskild@users.noreply.github.com"), ("iameskild", "eskild@doublee.io")),
        # an initial and a family name written as one word, and a login made of them
        (("Etienne Guesnet", "etienne.guesnet@atos.net"), ("EGuesnet", "51407514+EGuesnet@users.noreply.github.com")),
    ],
)
def test_same_human_is_merged(a, b):
    result, detail = outcome(records(a, b))
    assert result == "merged", detail
    assert detail.merges[0].reasons and AUTO <= detail.merges[0].confidence <= 1


@pytest.mark.parametrize(
    "a, b",
    [
        # a handle shared by two accounts that each have an address of their own: evidence, not proof
        (("Sam", "sam@work.com"), ("Sam", "sam@home.org")),
        (("pezcore", "pezcore@users.noreply.github.com"), ("Tom", "pezcore@scitec.com")),
        (("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl")),
        (("Paul", "leeyspaul@users.noreply.github.com"), ("leeyspaul", "t.leeyspaul@gmail.com")),  # one handle, twice
        # an address with a full name in it says nothing when its owner has a full name of their own
        (("Carlos Martin", "cmartin@uni.edu"), ("Carlos Martinez", "carlosmartinez@gmail.com")),
        # one address, two clearly different names: a shared inbox, not one person
        (("Ann Lee", "team@proj.org"), ("Bob Kay", "team@proj.org")),
    ],
)
def test_evidence_that_is_not_proof_is_proposed(a, b):
    result, detail = outcome(records(a, b))
    assert result == "proposed", detail
    proposal = detail.proposals[0]
    assert PROPOSE <= proposal.confidence < AUTO and proposal.reasons


@pytest.mark.parametrize(
    "a, b",
    [
        (("Alice Smith", "devnull@localhost"), ("Bob Jones", "devnull@localhost")),
        (("Alice Smith", ""), ("Bob Jones", "")),
        (("Alice Smith", "noreply@github.com"), ("Bob Jones", "noreply@github.com")),
        (("Alice Smith", "x@(none)"), ("Bob Jones", "x@(none)")),
        (("Alice Smith", "unknown"), ("Bob Jones", "unknown")),
        (("ci-bot", "ci@proj.org"), ("Ci Lee", "ci@proj.org")),  # a bot never joins a human, even on one address
    ],
)
def test_placeholders_and_bots_never_join_people(a, b):
    result, detail = outcome(records(a, b))
    assert result == "apart", detail


def test_two_github_logins_that_differ_only_by_a_hyphen_are_two_accounts():
    a, b = records(("Vijay Sharma", "11+vijay-sharma@users.noreply.github.com"),
                   ("Vijay K", "22+vijaysharma@users.noreply.github.com"))
    result, detail = outcome([a, b])
    assert result != "merged", detail
    assert not any("same GitHub account" in r for m in detail.proposals for r in m.reasons)


def test_the_same_full_name_means_less_where_such_names_are_common():
    firsts = ["Wei", "Li", "Jun", "Ming", "Hui", "Yan", "Jing", "Lei", "Bo", "Tao"]
    lasts = ["Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu"]
    wei, wei_again = records(("Wei Wang", "wei@a.org"), ("Wei Wang", "ww@b.org"))
    assert outcome([wei, wei_again])[0] == "merged"  # in a small community: one person
    # among a hundred names made of the same given and family names, it may well be two people
    crowd = records(*[(f"{f} {l}", f"{f}.{l}@y.org") for f in firsts for l in lasts if (f, l) != ("Wei", "Wang")])
    assert outcome([wei, wei_again, *crowd])[0] == "proposed"


def test_bots_are_recognised():
    recs = records(("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"), ("Jane", "j@x.org"))
    assert resolve(recs).bots == [recs[0].id]


def test_username_across_sources_with_the_same_name_merges_but_alone_is_a_proposal():
    git = records(("John Doe", "jdoe@proj.org"))[0]
    forum = records(("John Doe", "", "jdoe"), source="discourse")[0]
    stranger = records(("", "", "jdoe"), source="discourse")[0]
    assert outcome([git, forum])[0] == "merged"
    assert outcome([git, stranger])[0] == "proposed"


def test_a_common_handle_says_little():
    # five different people called alex make "alex" a weak handle
    others = records(*[(f"Alex {s}", f"alex.{s}@x.org") for s in ("Smith", "Jones", "Brown", "Wu", "Kim")])
    a, b = records(("alex", "alex@a.org"), ("alex", "alex@b.org"))
    result = resolve([a, b, *others])
    assert not any({m.keep, m.other} == {a.person, b.person} for m in result.merges)


def test_kept_apart_people_are_never_merged_nor_proposed():
    a, b = records(("Jane Doe", "jane@a.org"), ("Jane Doe", "jane@b.org"))
    assert outcome([a, b])[0] == "merged"
    assert outcome([a, b], apart=[(a.person, b.person)])[0] == "apart"


def test_known_proposals_are_not_proposed_again():
    a, b = records(("Bram", "b.t.ton@saxion.nl"), ("Bram", "bram@cbbg.nl"))
    assert outcome([a, b])[0] == "proposed"
    assert outcome([a, b], known=[(b.person, a.person)])[0] == "apart"


def test_a_chain_does_not_join_clearly_different_names():
    # Ann and Bob share an inbox; Ann's other identity has the same name as Ann: only Ann merges
    ann, ann2, bob = records(("Ann Lee", "team@proj.org"), ("Ann Lee", "ann@home.org"), ("Bob Kay", "bob@x.org"))
    bob_team = Record(next(_ids), bob.person, "Bob Kay", "team@proj.org")
    result = resolve([ann, ann2, bob, bob_team])
    groups = {}
    for m in result.merges:
        groups.setdefault(m.keep, {m.keep}).add(m.other)
    assert not any({ann.person, bob.person} <= g for g in groups.values())


def test_survivor_is_the_older_person_and_merges_apply_in_order():
    recs = records(("Jane Doe", "a@x.org"), ("Jane Doe", "b@x.org"), ("Jane Doe", "c@x.org"))
    result = resolve(recs)
    assert [m.keep for m in result.merges] == [recs[0].person, recs[0].person]
    assert {m.other for m in result.merges} == {recs[1].person, recs[2].person}


def test_incremental_runs_compare_only_pairs_with_a_new_identity():
    old = records(("Jane Doe", "a@x.org"), ("Jane Doe", "b@x.org"))  # left apart earlier, say
    new = records(("John Roe", "john@y.org"))
    result = resolve(old + new, new=[new[0].id])
    assert result.merges == [] and result.compared == 0


def test_blocking_keeps_the_work_near_linear():
    import random

    rng = random.Random(4)
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "do", "ve", "zu", "ho", "ja"]
    def word(n):
        return "".join(rng.choice(syllables) for _ in range(n)).title()
    firsts, lasts = [word(2) for _ in range(80)], [word(3) for _ in range(600)]

    def per_identity(n):
        sigs = [(f"{rng.choice(firsts)} {rng.choice(lasts)}", f"p{i}@org{i % 50}.net") for i in range(n)]
        return resolve(records(*sigs)).compared / n

    # once blocks have filled up to their limits, twice the identities cost twice the pairs, not four times
    assert per_identity(32000) < 1.5 * per_identity(16000)


def test_keys_are_stable_and_bounded():
    rec = Record(1, 1, "Ä" * 500, "x" * 300 + "@example.org", "u" * 300)
    keys = keys_for(rec)
    assert keys == keys_for(rec) and all(len(k) <= 200 for k in keys)


names = st.sampled_from(["Jane Doe", "jane doe", "Jane", "John Roe", "J. Doe", "jdoe", "Doe, Jane", "", "Unknown"])
emails = st.sampled_from(["jane@x.org", "JANE@x.org", "jdoe@users.noreply.github.com", "", "devnull@localhost",
                          "john@y.org", "j@x.org"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, emails), min_size=1, max_size=12))
def test_resolution_is_consistent(signatures):
    recs = [Record(i, i, n, e) for i, (n, e) in enumerate(signatures, 1)]
    result = resolve(recs)
    absorbed = [m.other for m in result.merges]
    assert len(absorbed) == len(set(absorbed))  # nobody is merged twice
    merged_away = set()
    for m in result.merges:  # each merge joins two people who are both still themselves
        assert m.keep not in merged_away and m.other not in merged_away and m.keep < m.other
        merged_away.add(m.other)
    for p in result.proposals:  # proposals are between the people left after the merges
        assert p.keep not in merged_away and p.other not in merged_away and p.confidence < AUTO
    # running again on the merged result merges nothing more
    final = {}
    for m in result.merges:
        final[m.other] = m.keep
    def current(p):
        while p in final:
            p = final[p]
        return p
    again = resolve([Record(r.id, current(r.person), r.name, r.email) for r in recs])
    assert again.merges == []


def test_evidence_is_the_same_whichever_identity_comes_first():
    # "Rahul Nair" is a common name here, "Nair Rahul" read as given and family name is not
    counts = {"#names": 100, "g:rahul": 40, "s:nair": 40, "g:nair": 1, "s:rahul": 1}
    x, y = (Profile(r) for r in records(("Rahul Nair", "rahul418@hotmail.com"), ("Nair Rahul", "rn@labs.nl")))
    forward, backward = evidence(x, y, lambda k: counts.get(k, 0)), evidence(y, x, lambda k: counts.get(k, 0))
    assert forward[0] == backward[0] < AUTO
