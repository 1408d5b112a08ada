"""Summary statistics of one run: the numbers the regression tier compares (tests/regression)
and that a notebook can tabulate across runs. One function, so that the tests and the analyses
read a run the same way.

    import tribune_analysis as ta
    ta.summary_statistics("results/baseline.h5")   # {"org_members_final": 212.0, ...}

Each statistic is computed from the city-wide series (``/timeseries``):
``<series>_final`` is the value at the last tick, ``<series>_mean`` the mean over the run
(NaN ticks skipped: turnout is NaN outside election weeks), ``<series>_total`` the sum over the
run (for per-week counts such as strikes started).
"""
from __future__ import annotations

import math

from .io import open_run

# (series, how): the statistics, in a fixed order.
STATISTICS = (
    ("org_supporters", "final"), ("org_volunteers", "final"), ("org_members", "final"),
    ("org_cadre", "final"),
    ("union_density", "final"), ("union_left_led_share", "final"),
    ("strikes_started", "total"), ("strikes_won", "total"),
    ("protesters", "mean"), ("protesters", "final"), ("episodes_started", "final"), ("arrests", "total"),
    ("hope_mean", "final"), ("grievance_mean", "final"), ("ideology_mean", "final"), ("ideology_sd", "final"),
    ("left_share", "final"), ("legitimacy", "final"),
    ("turnout", "mean"), ("seats_backed", "final"), ("holder_drift", "mean"), ("betrayals", "total"),
    ("reforms_passed", "final"), ("reform_depth", "final"), ("capital_shocks", "final"),
)


def _reduce(values, how):
    vals = [float(v) for v in values]
    if how == "final":
        return vals[-1]
    finite = [v for v in vals if not math.isnan(v)]
    if how == "total":
        return float(sum(finite))
    return float(sum(finite) / len(finite)) if finite else float("nan")


def summary_statistics(path) -> dict[str, float]:
    """The run's summary statistics (``STATISTICS``), by name ``<series>_<how>``. A series the
    file lacks is left out."""
    ds = open_run(path)
    out = {}
    for series, how in STATISTICS:
        if series in ds:
            out[f"{series}_{how}"] = _reduce(ds[series].values, how)
    return out
