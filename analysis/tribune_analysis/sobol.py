"""Sobol sensitivity indices from a Saltelli design, with bootstrap confidence intervals.

The design (``design: {kind: saltelli, samples: N}`` in a sweep file) has, for each of N base
rows, the d + 2 points A, AB_1, ..., AB_d, B (AB_i is A with column i taken from B); with
``second_order: true`` also BA_1, ..., BA_d (B with column i from A) before B, 2d + 2 points. With
the model outputs in that order the estimators are

    first order   S_i  = mean(f(B) (f(AB_i) - f(A))) / Var(f)              Saltelli et al. (2010), Table 2
    total order   ST_i = mean((f(A) - f(AB_i))^2) / 2 / Var(f)             Jansen (1999)
    second order  S_ij = mean(f(BA_i) f(AB_j) - f(A) f(B)) / Var(f) - S_i - S_j    Saltelli (2002)

with Var(f) the variance of f(A) and f(B) together. Confidence intervals resample the N base rows
with replacement (percentile bootstrap).

How many base rows are enough: on the Ishigami function, the widest 95% interval of a
first-order index was, as the median over 5 scrambled Sobol designs, 1.51 at N = 16, 0.71 at
N = 64, 0.35 at N = 256, 0.24 at N = 512 and 0.18 at N = 1024 (scripts/sobol_sample_size.py). Below N = 256 an interval spans more than a
third of the index's range, so that an important parameter cannot be told from a negligible one:
``sobol_indices`` then warns (SobolSampleWarning), and also whenever an interval is wider than
0.3, whatever N.
"""
from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd

MIN_SAMPLES = 256  # base rows below which the indices are too uncertain to rank (above)
MAX_WIDTH = 0.3    # a 95% interval wider than this is too wide to rank parameters by


class SobolSampleWarning(UserWarning):
    """Too few base rows (or too wide intervals) for the indices to rank the parameters."""


def _split(y, d, second_order):
    y = np.asarray(y, dtype=float)
    k = 2 * d + 2 if second_order else d + 2
    if y.ndim != 1 or y.size % k:
        raise ValueError(f"a Saltelli design with d = {d} has N ({'2d + 2' if second_order else 'd + 2'}) = "
                         f"N x {k} outputs; got {y.size}")
    m = y.reshape(-1, k)
    fba = m[:, d + 1:2 * d + 1] if second_order else None
    return m[:, 0], m[:, 1:d + 1], fba, m[:, -1]


def _indices(fa, fab, fba, fb):
    var = np.var(np.concatenate([fa, fb]), ddof=1)
    s1 = np.mean(fb[:, None] * (fab - fa[:, None]), axis=0) / var
    st = 0.5 * np.mean((fa[:, None] - fab) ** 2, axis=0) / var
    s2 = None
    if fba is not None:
        d = fab.shape[1]
        s2 = np.full((d, d), np.nan)
        for i, j in itertools.combinations(range(d), 2):
            s2[i, j] = np.mean(fba[:, i] * fab[:, j] - fa * fb) / var - s1[i] - s1[j]
    return s1, st, s2


def sobol_indices(y, names, n_boot: int = 1000, level: float = 0.95, seed: int = 0,
                  second_order: bool = False) -> pd.DataFrame:
    """First- and total-order indices of outputs ``y`` (in the design's row order) for the
    parameters ``names``; a DataFrame indexed by parameter with columns S1, S1_low, S1_high, ST,
    ST_low, ST_high. ``attrs["N"]`` is the number of base rows; with ``second_order`` (a design
    with ``second_order: true``), ``attrs["S2"]`` is a DataFrame of the second-order indices, a
    row per pair (i, j), columns S2, S2_low, S2_high. Warns (SobolSampleWarning) when N < 256 or
    an interval is wider than 0.3 (the module's docstring says why)."""
    d = len(names)
    fa, fab, fba, fb = _split(y, d, second_order)
    s1, st, s2 = _indices(fa, fab, fba, fb)
    rng = np.random.default_rng(seed)
    n = fa.size
    boot1, boott = np.empty((n_boot, d)), np.empty((n_boot, d))
    boot2 = np.empty((n_boot, d, d)) if second_order else None
    for b in range(n_boot):
        k = rng.integers(0, n, n)
        r1, rt, r2 = _indices(fa[k], fab[k], None if fba is None else fba[k], fb[k])
        boot1[b], boott[b] = r1, rt
        if second_order:
            boot2[b] = r2
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
    out = pd.DataFrame({
        "S1": s1, "S1_low": np.quantile(boot1, lo, axis=0), "S1_high": np.quantile(boot1, hi, axis=0),
        "ST": st, "ST_low": np.quantile(boott, lo, axis=0), "ST_high": np.quantile(boott, hi, axis=0),
    }, index=pd.Index(list(names), name="parameter"))
    out.attrs["N"] = int(n)
    if second_order:
        pairs = list(itertools.combinations(range(d), 2))
        out.attrs["S2"] = pd.DataFrame({
            "S2": [s2[i, j] for i, j in pairs],
            "S2_low": [np.quantile(boot2[:, i, j], lo) for i, j in pairs],
            "S2_high": [np.quantile(boot2[:, i, j], hi) for i, j in pairs],
        }, index=pd.MultiIndex.from_tuples([(names[i], names[j]) for i, j in pairs], names=["i", "j"]))
    widest = float((out["S1_high"] - out["S1_low"]).max())
    if n < MIN_SAMPLES or widest > MAX_WIDTH:
        warnings.warn(f"Sobol indices from N = {n} base rows: the widest 95% interval of a first-order index "
                      f"is {widest:.2f} wide; with N < {MIN_SAMPLES} or intervals wider than {MAX_WIDTH} the "
                      f"indices cannot rank the parameters (tribune_analysis.sobol explains the threshold). "
                      f"Raise design.samples.", SobolSampleWarning, stacklevel=2)
    return out


def sweep_sobol(ds, variable: str, reduce: str = "last", select: dict | None = None, **kw) -> pd.DataFrame:
    """Sobol indices of one series of a Saltelli sweep (``open_sweep``): each run is reduced to a
    number (``last`` value, ``mean`` over ticks, or ``max``), replicates of a design point are
    averaged, and the points are taken in design order. Second-order indices come with a design
    that has ``second_order: true``. A per-actor series needs ``select`` (``{"org":
    "left_org"}``): actors are not averaged silently."""
    if ds.attrs.get("design") != "saltelli":
        raise ValueError(f"not a Saltelli sweep (design {ds.attrs.get('design')!r})")
    from .plots import _one_actor  # noqa: PLC0415 - plots imports matplotlib
    da = _one_actor(ds, ds[variable], variable, select)
    value = {"last": lambda a: a.isel(tick=-1), "mean": lambda a: a.mean("tick"),
             "max": lambda a: a.max("tick")}[reduce](da)
    per_point = value.groupby("point").mean().sortby("point")
    kw.setdefault("second_order", bool(int(ds.attrs.get("design_second_order", 0))))
    return sobol_indices(per_point.values, ds.attrs["swept"], **kw)
