"""Validation: Granovetter (1978), "Threshold Models of Collective Behavior", American Journal
of Sociology 83(6), 1420-1443, its first example. 100 persons with thresholds 0, 1, ..., 99
(counted in others already rioting): everyone riots. Give the person with threshold 1 a
threshold of 2 instead: only the instigator does.

Deterministic (no random draw decides anything here), so the figures must match exactly; the
scenario is scenarios/validation/granovetter_riot.yaml."""
from validation_env import run


def test_uniform_thresholds_all_riot(tmp_path):
    s = run("granovetter_riot", tmp_path / "riot.h5")
    assert s["protesters"][-1] == 100
    # One more joins each week: the cascade takes 99 weeks after the instigator's first.
    assert list(s["protesters"][:3]) == [1, 2, 3]


def test_one_raised_threshold_stops_the_cascade(tmp_path):
    s = run("granovetter_riot", tmp_path / "riot2.h5", "mechanisms.mobilization.threshold_edits=[{person: 1, value: 2}]")
    assert s["protesters"][-1] == 1
    assert s["protesters"].max() == 1
