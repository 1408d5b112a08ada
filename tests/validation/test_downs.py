"""Validation: Downs (1957) with two vote-seeking hunters and Eaton and Lipsey (1975) with four,
on a uniform electorate (scenarios/validation/downs.yaml; sources, statistics and tolerances in
figures.py). Seeds 1-5."""
import pytest

import figures


@pytest.mark.parametrize("case", ["downs", "eaton_lipsey"])
def test_hunters_reach_the_published_positions(tmp_path, case):
    for row in figures.CASES[case](tmp_path):
        assert row.ok, row


def test_hunters_that_turn_at_full_step_lock_together(tmp_path):
    """The rule before issue 17 (`hunter_turn: reverse`, all starting rightward): two hunters
    move in step and end together at an edge of the axis. The `laver` turn is what fixes it."""
    got = figures.downs(tmp_path, "mechanisms.candidates.hunter_turn=reverse")
    assert got.min() > 0.9, got
