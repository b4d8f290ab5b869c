"""The spreadsheet parser on its own: headings, cells, bad rows, and whatever text it is given."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedbed.importers import people_csv


def test_headings_are_read_in_the_community_s_words_and_unknown_ones_reported():
    rows, unknown, bad = people_csv.people("Full Name;E-Mail Address;TZ;Github;Discourse@discuss.example.org;Shoe\n"
                                           "Ana;ana@example.org;Europe/Lisbon;@ana-s;ana;42\n")
    assert not bad and unknown == ["Shoe"]
    (row,) = rows
    assert (row.name, row.emails, row.texts) == ("Ana", ["ana@example.org"], {"time_zone": "Europe/Lisbon"})
    assert row.accounts == [("github", "", "ana-s"), ("discourse", "discuss.example.org", "ana")]


def test_groups_take_a_role_in_brackets_and_lists_lose_repeats():
    (row,), _, _ = people_csv.people("name,interests,groups\nBo,\"docs; Docs, seeds\",\"Docs WG; Lisboa (Organizer)\"\n")
    assert row.groups == [("Docs WG", "member"), ("Lisboa", "organiser")]
    assert row.lists["interests"] == ["docs", "Docs", "seeds"]


@pytest.mark.parametrize("line, reason", [
    ("Ana,ana@,Europe/Lisbon,en", "'ana@' is not an e-mail address"),
    ("Ana,,Europe/Atlantis,en", "'Europe/Atlantis' is not a time zone"),
    ("Ana,,,english!", "'english!' is not a language tag"),
    (",,Europe/Lisbon,en", "no name, e-mail or account"),
])
def test_a_bad_row_is_named_by_its_line(line, reason):
    rows, _, bad = people_csv.people("name,email,time zone,languages\nBo,bo@example.org,,\n" + line + "\n")
    assert len(rows) == 1 and len(bad) == 1
    assert bad[0].line == 3 and reason in str(bad[0])


def test_notes_need_a_person_and_text_and_read_dates():
    rows, _, bad = people_csv.notes("Who,When,By,Text\nana@example.org,2026-02-10,jo,Hi\nbo,,,\n,2026-01-01,,x\n"
                                    "cy,10 Feb,,y\n")
    assert [r.line for r in rows] == [2] and rows[0].written.isoformat() == "2026-02-10T00:00:00+00:00"
    assert [(b.line, b.reason) for b in bad] == [(3, "no note text"), (4, "no person"),
                                                  (5, "'10 Feb' is not a date (use YYYY-MM-DD)")]


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"), ("Date,Amount\n1,2\n", "no column Seedbed knows"),
    ("name,Name\nA,B\n", "two columns for name"),
])
def test_a_file_that_is_not_a_people_list_is_one_error(text, message):
    with pytest.raises(people_csv.BadFile, match=message):
        people_csv.people(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_gives_rows_and_bad_rows_or_one_clear_error(text):
    for parse in (people_csv.people, people_csv.notes):
        try:
            rows, unknown, bad = parse(text)
        except people_csv.BadFile as exc:
            assert str(exc)
            continue
        assert all(isinstance(b, people_csv.BadRow) and b.line >= 2 for b in bad)
        assert all(r.line >= 2 for r in rows)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=6), min_size=1, max_size=8))
def test_any_cells_under_known_headings_give_rows_or_bad_rows(cells):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "email", "time zone", "languages", "groups", "github"])
    writer.writerows(cells)
    rows, _, bad = people_csv.people(out.getvalue())
    assert len(rows) + len(bad) <= len(cells)
