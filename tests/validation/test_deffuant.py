"""Validation: Deffuant, Neau, Amblard and Weisbuch (2000), "Mixing beliefs among interacting
agents", Advances in Complex Systems 3, 87-98. Random pairs meet and, when their opinions differ
by less than d, each moves mu = 0.5 of the way toward the other. From uniform opinions on [0, 1]
the number of clusters at the end is the integer part of 1/(2d) (the paper's result; restated in
Lorenz 2007, "Continuous opinion dynamics under bounded confidence: a survey").

scenarios/validation/deffuant.yaml: 1,000 agents, 3 million meetings; statistic and tolerance in
figures.case_deffuant (observed while writing it: every seed gave floor(1/(2d)) for d = 0.15,
0.2, 0.3; at d = 0.1, where 1/(2d) is exactly 5, seeds gave 4 or 5, so the thresholds tested
avoid the integers)."""
import h5py
import numpy as np

import figures
from validation_env import run


def test_cluster_count_is_the_integer_part_of_one_over_2d(tmp_path):
    rows = figures.case_deffuant(tmp_path)
    assert len(rows) == len(figures.DEFFUANT_D)
    for row in rows:
        assert row.ok, row


def test_encounters_move_opinions_only_within_the_threshold(tmp_path):
    """With a threshold below the smallest gap of an even start nobody ever moves."""
    out = tmp_path / "frozen.h5"
    run("deffuant", out, "mechanisms.opinion.initial=even", "mechanisms.opinion.epsilon=0.001")
    with h5py.File(out) as f:
        x = f["snapshots/ideology"][()]
    assert np.array_equal(x[0], x[-1])
