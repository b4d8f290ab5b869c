import pytest

from seedbed.recognition.fairness import assess, concentration, gaps, gini, top_people


def test_gini_is_zero_for_equal_shares_and_grows_with_concentration():
    assert gini([3, 3, 3]) == 0
    assert gini([]) == 0 and gini([0, 0]) == 0
    assert gini([0, 0, 0, 10]) == pytest.approx(0.75)
    assert gini([1, 2, 3, 4]) < gini([0, 0, 1, 9])
    with pytest.raises(ValueError):
        gini([1, -1])


def test_top_people_are_the_most_active_tenth_at_least_one():
    activity = {i: i for i in range(1, 21)}  # 20 people
    assert top_people(activity) == [20, 19]
    assert top_people({7: 1}) == [7]
    assert top_people({1: 5, 2: 5, 3: 0}) == [1]  # ties by id; inactive people are not counted


def test_concentration_compares_recognition_with_the_work_of_the_same_people():
    activity = {1: 80, 2: 5, 3: 5, 4: 5, 5: 5}
    spread = concentration(activity, {1: 1, 2: 1, 3: 1, 4: 1})
    assert spread.top10_activity_share == pytest.approx(0.8)
    assert spread.top10_recognition_share == pytest.approx(0.25)
    assert spread.recognition_gini == 0 and spread.activity_gini > 0.5
    assert not spread.piles_up
    piled = concentration(activity, {1: 9, 2: 1})
    assert piled.top10_recognition_share == pytest.approx(0.9) and piled.piles_up


def test_gaps_compare_shares_and_unthanked_people_are_listed():
    rows = gaps("type", {"code": 50, "doc": 50}, {"code": 9, "doc": 1})
    assert [g.category for g in rows] == ["doc", "code"]
    assert rows[0].under_recognised and not rows[1].under_recognised
    result = assess({1: 3, 2: 1, 3: 0}, {1: 1}, ever_recognised=[1], dimensions=[("type", {"code": 4}, {"code": 1})],
                    recognised_types=["code", "code"])
    assert result.unthanked == [2]
    assert result.recognised_types == ["code"]
    assert result.under_recognised == []
