import datetime as dt
from decimal import Decimal

from seedbed.recognition.thanking import Motive, Recipient, is_intrinsic, suggest

TODAY = dt.date(2026, 11, 25)


def kinds(ideas):
    return [i.kind for i in ideas]


def test_a_learner_is_offered_a_mentor_first_and_a_workshop_seat_if_the_budget_allows():
    learner = Recipient([Motive("learn", 4, 0)])
    ideas = suggest(learner, Decimal("100"), TODAY)
    assert kinds(ideas)[0] == "introduction" and "mentor" in ideas[0].detail
    assert "event-invitation" in kinds(ideas)
    assert all(i.cost == 0 for i in ideas[: kinds(ideas).index("event-invitation")])  # free ones first
    assert "event-invitation" not in kinds(suggest(learner, None, TODAY))  # no budget: only free ideas
    assert "event-invitation" not in kinds(suggest(learner, Decimal("10"), TODAY))  # too little left


def test_a_job_seeker_gets_a_letter_and_a_portfolio_and_the_purpose_driven_a_story():
    assert {"letter-of-recommendation", "portfolio"} <= set(kinds(suggest(Recipient([Motive("career", 4, 1)]), None, TODAY)))
    assert "impact-story" in kinds(suggest(Recipient([Motive("purpose", 3, -1)]), None, TODAY))


def test_intrinsic_people_get_personal_thanks_first_and_no_material_reward_they_did_not_ask_for():
    intrinsic = Recipient([Motive("fun", 4, -2), Motive("belonging", 3, -1)], preferences=["swag", "travel"])
    assert is_intrinsic(intrinsic.motives)
    ideas = suggest(intrinsic, Decimal("1000"), TODAY)
    assert ideas[0].kind == "personal-message"
    plain = Recipient([Motive("fun", 4, -2)], preferences=["dinner"])
    assert not {"swag", "travel", "certificate"} & set(kinds(suggest(plain, Decimal("1000"), TODAY, limit=20)))
    assert "swag" in kinds(suggest(intrinsic, Decimal("1000"), TODAY, limit=20))  # they said they like it


def test_public_highlights_need_consent_and_recent_kinds_are_not_repeated():
    shy = Recipient(preferences=["public-highlight"], public_ok=False)
    assert "public-highlight" not in kinds(suggest(shy, None, TODAY))
    open_ = Recipient(preferences=["public-highlight", "introduction"], public_ok=True,
                      received={"introduction": TODAY - dt.timedelta(days=10)})
    assert "public-highlight" in kinds(suggest(open_, None, TODAY))
    assert "introduction" not in kinds(suggest(open_, None, TODAY))
