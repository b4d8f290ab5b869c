"""Which way activity is going, in words."""
import pytest

from seedbed.people.trends import FALLING, QUIET, RISING, STEADY, STOPPED, trend


@pytest.mark.parametrize("recent, before, expected", [
    (0, 0, QUIET), (0, 5, STOPPED), (1, 0, STEADY), (3, 0, RISING), (10, 4, RISING), (5, 4, STEADY),
    (4, 5, STEADY), (2, 10, FALLING), (1, 2, STEADY), (3, 3, STEADY),
])
def test_trend_words(recent, before, expected):
    assert trend(recent, before) == expected
