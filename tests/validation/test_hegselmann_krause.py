"""Validation: Hegselmann and Krause (2002), "Opinion Dynamics and Bounded Confidence: Models,
Analysis and Simulation", JASSS 5(3), 2. Every agent moves at once to the mean of all opinions
within its bound eps of its own, its own included, from an equidistant start of 625 agents on
[0, 1] (scenarios/validation/hegselmann_krause.yaml; tribune's axis is [-1, 1], so tribune's
epsilon is 2 eps). The reference is HK's update written out directly (figures.hk_reference);
tolerances in figures.case_hegselmann_krause. Deterministic: no random draw decides."""
import h5py
import pytest

import figures
from validation_env import run


def test_tribune_is_hegselmann_krause(tmp_path):
    rows = figures.case_hegselmann_krause(tmp_path)
    assert len(rows) == len(figures.HK_EPS)
    for row in rows:
        assert row.ok, row


@pytest.mark.parametrize("epsilon, clusters", [(0.5, lambda n: n == 1), (0.1, lambda n: n >= 3)])
def test_a_wide_bound_ends_in_consensus_and_a_narrow_one_in_fragments(tmp_path, epsilon, clusters):
    run("hegselmann_krause", tmp_path / "hk.h5", f"mechanisms.opinion.epsilon={epsilon}")
    with h5py.File(tmp_path / "hk.h5") as f:
        x = f["snapshots/ideology"][-1]
    assert clusters(len(figures.clusters(x, 1e-3)[0]))
