"""Sobol sensitivity indices from a Saltelli design, with bootstrap confidence intervals.

The design (``design: {kind: saltelli, samples: N}`` in a sweep file) has, for each of N base
rows, the d + 2 points A, AB_1, ..., AB_d, B (AB_i is A with column i taken from B). With the
model outputs in that order the estimators are Saltelli et al. (2010), Table 2:

    first order  S_i  = mean(f(B) (f(AB_i) - f(A))) / Var(f)
    total order  ST_i = mean((f(A) - f(AB_i))^2) / 2 / Var(f)           (Jansen 1999)

with Var(f) the variance of f(A) and f(B) together. Confidence intervals resample the N base rows
with replacement (percentile bootstrap).
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def _split(y, d):
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or y.size % (d + 2):
        raise ValueError(f"a Saltelli design with d = {d} has N (d + 2) outputs; got {y.size}")
    m = y.reshape(-1, d + 2)
    return m[:, 0], m[:, 1:d + 1], m[:, d + 1]


def _indices(fa, fab, fb):
    var = np.var(np.concatenate([fa, fb]), ddof=1)
    s1 = np.mean(fb[:, None] * (fab - fa[:, None]), axis=0) / var
    st = 0.5 * np.mean((fa[:, None] - fab) ** 2, axis=0) / var
    return s1, st


def sobol_indices(y, names, n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """First- and total-order indices of outputs ``y`` (in the design's row order) for the
    parameters ``names``; a DataFrame indexed by parameter with columns S1, S1_low, S1_high, ST,
    ST_low, ST_high."""
    d = len(names)
    fa, fab, fb = _split(y, d)
    s1, st = _indices(fa, fab, fb)
    rng = np.random.default_rng(seed)
    n = fa.size
    boot1, boott = np.empty((n_boot, d)), np.empty((n_boot, d))
    for b in range(n_boot):
        k = rng.integers(0, n, n)
        boot1[b], boott[b] = _indices(fa[k], fab[k], fb[k])
    lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
    return pd.DataFrame({
        "S1": s1, "S1_low": np.quantile(boot1, lo, axis=0), "S1_high": np.quantile(boot1, hi, axis=0),
        "ST": st, "ST_low": np.quantile(boott, lo, axis=0), "ST_high": np.quantile(boott, hi, axis=0),
    }, index=pd.Index(list(names), name="parameter"))


def sweep_sobol(ds, variable: str, reduce: str = "last", **kw) -> pd.DataFrame:
    """Sobol indices of one series of a Saltelli sweep (``open_sweep``): each run is reduced to a
    number (``last`` value, ``mean`` over ticks, or ``max``), replicates of a design point are
    averaged, and the points are taken in design order."""
    if ds.attrs.get("design") != "saltelli":
        raise ValueError(f"not a Saltelli sweep (design {ds.attrs.get('design')!r})")
    da = ds[variable]
    other = [dim for dim in da.dims if dim not in ("run", "tick")]
    if other:
        da = da.mean(other)
    value = {"last": lambda a: a.isel(tick=-1), "mean": lambda a: a.mean("tick"),
             "max": lambda a: a.max("tick")}[reduce](da)
    per_point = value.groupby("point").mean().sortby("point")
    return sobol_indices(per_point.values, ds.attrs["swept"], **kw)
