import datetime as dt

from seedbed.recognition.signals import Evidence, Mentoring, Thanked, Work, milestone, suggest

T = dt.datetime(2026, 10, 1, 12, tzinfo=dt.timezone.utc)
NAMES = {1: "Ana Souza", 2: "Bo Li", 3: "Cy Oduya", 4: "Di Park"}


def w(i, person, kind, ctype="code", day=0, **kw):
    return Work(i, person, kind, ctype, T + dt.timedelta(days=day), **kw)


def kinds(suggestions):
    return sorted(s.kind for s in suggestions)


def test_merged_work_is_suggested_only_after_someone_else_reviewed_it():
    works = [w(1, 1, "pull-request", merged=True, title="Fix sync"), w(2, 2, "review", "review", parent=1, state="APPROVED"),
             w(3, 1, "pull-request", merged=True, title="Self-reviewed"), w(4, 1, "review", parent=3),
             w(5, 1, "pull-request", merged=False, title="Closed"), w(6, 2, "review", parent=5)]
    out = suggest(Evidence(works, NAMES))
    assert kinds(out) == ["merged-after-review"]
    assert out[0].activities == [1]
    assert "Bo Li" in out[0].reason and "Bo Li" not in out[0].why  # the draft why names no third party


def test_volume_makes_one_suggestion_per_person_kind_and_month():
    works = [w(i, 1, "pull-request", merged=True, day=i % 20) for i in range(1, 13)]
    works += [w(100 + i, 2, "review", "review", parent=i, day=i % 20) for i in range(1, 13)]
    out = [s for s in suggest(Evidence(works, NAMES)) if s.kind == "merged-after-review"]
    assert len(out) == 1 and len(out[0].activities) == 12  # all of it, so none is suggested again
    assert "more" not in out[0].title and "12 such pieces of work by them this month" in out[0].reason


def test_reviews_that_shaped_a_change_answers_events_talks_translations():
    works = [w(1, 1, "pull-request", merged=True), w(2, 2, "review", "review", parent=1, state="CHANGES_REQUESTED"),
             w(3, 3, "answer", "question", accepted=True, parent=4), w(4, 4, "topic", "question", title="How to sync?"),
             w(5, 4, "event-organising", "eventOrganizing", title="Organised Berlin meetup", size=30),
             w(6, 3, "talk", "talk", title="Maps for all", channel="Summit"),
             w(7, 2, "translation", "translation", channel="docs/de", completed=True),
             w(8, 2, "translation", "translation", channel="docs/fr")]
    out = suggest(Evidence(works, NAMES))
    assert kinds(out) == ["accepted-answer", "event-organised", "merged-after-review", "review", "talk",
                          "translation-completed"]
    answer = next(s for s in out if s.kind == "accepted-answer")
    assert "How to sync?" in answer.why and answer.person == 3
    assert "30 people" in next(s for s in out if s.kind == "event-organised").why
    assert "de translation of docs" in next(s for s in out if s.kind == "translation-completed").title


def test_help_firsts_and_mentee_milestones():
    reply = w(9, 2, "post", "support", day=-40)  # before the period: only pointed at
    works = [w(1, 3, "commit"), w(2, 4, "pull-request", merged=True, day=5)]
    evidence = Evidence(works, NAMES, first_of={3: 1}, mentorships=[Mentoring(1, 4, dt.date(2026, 9, 1), None)],
                        milestones={(4, "merged"): 2},
                        thanked=[Thanked(9, 1, "that fixed it", T, "Sync stuck")], context=[reply])
    out = suggest(evidence)
    assert kinds(out) == ["first-contribution", "mentee-milestone", "support"]
    support = next(s for s in out if s.kind == "support")
    assert support.activities == [9] and support.person == 2 and support.occurred_at == T
    assert "Sync stuck" in support.title and "that fixed it" in support.reason and "Ana" not in support.why
    mentee = next(s for s in out if s.kind == "mentee-milestone")
    assert mentee.mentor == 1 and "Ana Souza" not in mentee.why and "Ana Souza" in mentee.reason
    late = Evidence(works, NAMES, mentorships=[Mentoring(1, 4, dt.date(2026, 1, 1), dt.date(2026, 2, 1))],
                    milestones={(4, "merged"): 2})
    assert suggest(late) == []  # long after the mentorship ended


def test_milestone_kinds():
    assert milestone(w(1, 1, "pull-request", merged=True)) == "merged"
    assert milestone(w(1, 1, "pull-request", merged=False)) is None
    assert milestone(w(1, 1, "post", accepted=True)) == "answer"
    assert milestone(w(1, 1, "talk")) == "talk"
    assert milestone(w(1, 1, "commit")) is None


def test_work_without_a_title_is_named_after_what_it_answers():
    assert w(1, 1, "review", topic="Fix sync").name == "Review on \u201cFix sync\u201d"
    assert w(1, 1, "post", channel="help").name == "Post in help"
    assert w(1, 1, "commit", title="Add maps").name == "Add maps"
    first = suggest(Evidence([w(1, 1, "issue", "bug", channel="app")], NAMES, first_of={1: 1}))
    assert first[0].why == "Their first contribution: an issue in app."


def test_covered_work_is_left_out_before_suggesting_and_nominations_cover_every_kind():
    works = [w(i, 1, "pull-request", merged=True, title=f"PR {i}", day=i) for i in range(1, 4)]
    works += [w(10 + i, 2, "review", "review", parent=i, day=i) for i in range(1, 4)]
    out = suggest(Evidence(works, NAMES, covered=frozenset({("merged-after-review", 3)})))
    assert [s.activities for s in out] == [[2, 1]] and out[0].title == "PR 2"  # the text is about what it holds
    assert suggest(Evidence(works, NAMES, covered=frozenset({("*", 1), ("*", 2), ("*", 3)}))) == []
    answer = [w(1, 1, "answer", accepted=True), w(2, 2, "topic")]
    assert suggest(Evidence(answer, NAMES, covered=frozenset({("*", 1)}))) == []


def test_one_reply_thanked_by_two_people_is_pointed_at_once():
    reply = w(9, 2, "post", "support")
    out = suggest(Evidence([reply], NAMES, thanked=[Thanked(9, 1, "thanks", T), Thanked(9, 3, "thanks too", T)]))
    assert len(out) == 1 and out[0].activities == [9] and "Ana Souza" in out[0].reason and "Cy Oduya" in out[0].reason
