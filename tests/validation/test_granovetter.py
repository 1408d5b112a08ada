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


def riot_size(tmp_path, sd):
    s = run("granovetter_normal", tmp_path / f"n{sd:.4f}.h5", f"mechanisms.mobilization.threshold_sd={sd}")
    return int(s["protesters"][-1])


def test_normal_thresholds_jump_near_granovetters_sd(tmp_path):
    """Granovetter's normal example (mean 25, a crowd of 100): the riot jumps from a few to
    everyone as the sd passes about 12.2. scenarios/validation/granovetter_normal.yaml holds the
    distribution's quantiles. Bisection on the sd to 0.02 finds the jump; the tolerance (12.2 +-
    1) allows for the discretization, which Granovetter does not state (observed: between 12.5
    and 13). Deterministic: no random draw decides anything."""
    lo, hi = 5.0, 20.0
    assert riot_size(tmp_path, lo) <= 6 and riot_size(tmp_path, hi) == 100
    while hi - lo > 0.02:
        mid = (lo + hi) / 2
        if riot_size(tmp_path, mid) == 100:
            hi = mid
        else:
            lo = mid
    assert abs(hi - 12.2) <= 1.0, hi
    assert riot_size(tmp_path, lo) <= 10  # below the jump only a handful riot
