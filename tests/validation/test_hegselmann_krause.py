"""Validation: Hegselmann and Krause (2002), "Opinion Dynamics and Bounded Confidence: Models,
Analysis and Simulation", JASSS 5(3), 2. Every agent moves at once to the mean of all opinions
within its bound eps of its own, its own included, from an equidistant start of 625 agents on
[0, 1] (scenarios/validation/hegselmann_krause.yaml; tribune's axis is [-1, 1], so tribune's
epsilon is 2 eps).

The reference is HK's update written out directly here (numpy, float64) on the same start.
tribune computes in float32 with prefix sums, the reference in float64. Where two opinions are
exactly eps apart in real arithmetic (the equidistant start makes such pairs: 0.25 x 624 = 156
spacings), rounding decides whether they see each other, differently in the two, and the
symmetric start's consensus lands at 0.5 in one and 0.49992 in the other: so cluster positions
agree to 2e-4 (on [0, 1]), the clusters' counts and sizes exactly, and the step at which opinions
freeze (no one moves more than 5e-6) within one step. Deterministic: no random draw decides."""
import h5py
import numpy as np
import pytest

from validation_env import run

N = 625


def reference(eps, steps):
    x = np.linspace(0.0, 1.0, N)
    history = [x]
    for _ in range(steps):
        near = np.abs(x[:, None] - x[None, :]) <= eps
        x = (near * x[None, :]).sum(axis=1) / near.sum(axis=1)
        history.append(x)
    return np.array(history)


def clusters(x, gap):
    s = np.sort(x)
    cuts = np.where(np.diff(s) > gap)[0]
    groups = np.split(s, cuts + 1)
    return [g.mean() for g in groups], [g.size for g in groups]


def frozen_at(history, tol):
    moves = np.abs(np.diff(history, axis=0)).max(axis=1)
    still = np.where(moves < tol)[0]
    return int(still[0]) if still.size else None


@pytest.mark.parametrize("eps", [0.05, 0.1, 0.15, 0.2, 0.25])
def test_tribune_is_hegselmann_krause(tmp_path, eps):
    out = tmp_path / "hk.h5"
    run("hegselmann_krause", out, f"mechanisms.opinion.epsilon={2 * eps}")
    with h5py.File(out) as f:
        got = (f["snapshots/ideology"][()].astype(float) + 1) / 2  # back onto HK's [0, 1]
    want = reference(eps, got.shape[0] - 1)
    assert np.abs(got[0] - want[0]).max() < 1e-6  # the equidistant start
    c_got, n_got = clusters(got[-1], 1e-3)
    c_want, n_want = clusters(want[-1], 1e-3)
    assert len(c_got) == len(c_want), (c_got, c_want)
    assert n_got == n_want
    assert np.abs(np.array(c_got) - np.array(c_want)).max() < 2e-4
    f_got, f_want = frozen_at(got, 5e-6), frozen_at(want, 5e-6)
    assert f_want is not None and f_got is not None and abs(f_got - f_want) <= 1, (f_got, f_want)


def test_a_wide_bound_ends_in_consensus_and_a_narrow_one_in_fragments(tmp_path):
    run("hegselmann_krause", tmp_path / "wide.h5", "mechanisms.opinion.epsilon=0.5")
    run("hegselmann_krause", tmp_path / "narrow.h5", "mechanisms.opinion.epsilon=0.1")
    with h5py.File(tmp_path / "wide.h5") as f:
        wide = f["snapshots/ideology"][-1]
    with h5py.File(tmp_path / "narrow.h5") as f:
        narrow = f["snapshots/ideology"][-1]
    assert len(clusters(wide, 1e-3)[0]) == 1
    assert len(clusters(narrow, 1e-3)[0]) >= 3
