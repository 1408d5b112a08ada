"""Validation: Laver's (2005) aggregators on a normal electorate settle on Lloyd's fixed points,
Max's (1960) optimal quantizer levels, for 2, 3 and 4 parties (scenarios/validation/lloyd.yaml;
sources, statistic and tolerance in figures.py). Seeds 1-5."""
import numpy as np

import figures


def test_aggregators_settle_on_max_levels(tmp_path):
    rows = figures.case_lloyd(tmp_path)
    assert len(rows) == 3
    for row in rows:
        assert row.ok, row


def test_the_logit_reference_lies_between_max_and_tribune_inside_the_tolerance():
    """The noise-aware reference itself is within the tolerance of Max's levels, so the
    tolerance does not hide more than the voters' noise."""
    for k, want in figures.MAX_LEVELS.items():
        assert np.abs(figures.logit_lloyd(k) - np.array(want)).max() < figures.LLOYD_TOLERANCE
