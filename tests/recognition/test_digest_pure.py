import datetime as dt

from seedbed.recognition.digest import Entry, Link, assemble, markdown

T = dt.datetime(2026, 10, 5, tzinfo=dt.timezone.utc)


def entry(i, kind, ctype="code", person="Ana", group="", mentor=None, day=0):
    return Entry(i, kind, ctype, {"code": "Code", "doc": "Documentation", "support": "Helping others"}[ctype],
                 f"Work {i}", f"Why {i}.", T + dt.timedelta(days=day), person, group, mentor,
                 (Link(f"Link {i}", f"https://example.org/{i}"),))


def test_sections_follow_the_kinds_of_work_in_the_order_it_happened():
    story = assemble("October", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "", [
        entry(1, "merged-after-review", day=3), entry(2, "merged-after-review", "doc", day=1),
        entry(3, "first-contribution", person="Bo"), entry(4, "first-contribution", person=None),
        entry(5, "support", "support", person=None, group="Berlin"), entry(6, "mentee-milestone", mentor="Cy"),
        entry(7, "merged-after-review", day=2, group="Berlin"),
    ], type_order=["code", "doc"])
    slugs = [s.slug for s in story.sections]
    assert slugs == ["welcome", "work", "shout-outs", "mentoring", "teams"]
    work = story.sections[1]
    assert [(s.heading, [e.id for e in s.entries]) for s in work.subsections] == [("Code", [7, 1]), ("Documentation", [2])]
    welcome = story.sections[0]
    assert [e.id for e in welcome.entries] == [3] and welcome.unnamed == 1


def test_markdown_names_only_consenting_people_and_counts_no_one():
    text = markdown(assemble("October", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "Hello *all*", [
        entry(1, "support", "support", person=None), entry(2, "mentee-milestone", person="Bo", mentor="Cy"),
        entry(3, "first-contribution", person=None), entry(4, "merged-after-review", person="[evil](x)"),
    ]))
    assert "**[Work 1](https://example.org/1)**, by a contributor. Why 1." in text
    assert "by Bo, mentored by Cy" in text
    assert "This period, one more person made their first contribution." in text
    assert "\\[evil\\](x)" in text  # names cannot inject links
    assert text.startswith("# October\n\n_1 October 2026 to 31 October 2026_\n\nHello *all*")


def test_an_empty_period_says_so():
    story = assemble("Quiet", dt.date(2026, 1, 1), dt.date(2026, 1, 31), "", [])
    assert story.empty and "No highlights were confirmed" in markdown(story)


def test_work_with_several_links_lists_them_all():
    many = Entry(9, "merged-after-review", "code", "Code", "Three fixes", "Why.", T, "Ana",
                 links=(Link("One", "https://example.org/a"), Link("Two", "https://example.org/b")))
    text = markdown(assemble("X", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "", [many]))
    assert "- **Three fixes**, by Ana. Why. [One](https://example.org/a), [Two](https://example.org/b)" in text
