"""Regime maps: over an experiment's two main assumptions, which strategy does better.

An experiment (``scenarios/experiments/``) runs the same design on several scenarios with the
same seeds; ``tribune compare EXPERIMENT.yaml`` writes the headlines over (scenario, point,
replicate). For a pair of scenarios and a headline, the map shades each design point by the
share of replicates in which the first scenario's value is higher (ties count one half), marks
the points where the paired 95% interval excludes zero, and draws the essays' positions
(``positions:`` in the experiment file).

    ds = ta.headlines.open_comparison("out/friction.h5")
    fig = ta.regimes.regime_maps(ds)                    # every headline, first two scenarios
    ta.regimes.regime_table(ds)                         # per headline: points won, lost, neither
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr
import yaml

from .headlines import paired


def positions(ds: xr.Dataset) -> list[dict]:
    """The essays' positions written in the experiment file ([] if none)."""
    text = ds.attrs.get("experiment", "")
    if not text:
        return []
    return list((yaml.safe_load(text) or {}).get("positions", []) or [])


def share_higher(ds: xr.Dataset, headline: str, a=None, b=None) -> np.ndarray:
    """Per design point: the share of replicates in which scenario a's headline exceeds b's
    (ties 1/2; replicates where either is NaN are left out; NaN where none is left)."""
    a, b = _pair(ds, a, b)
    x, y = ds[headline].sel(scenario=a).values, ds[headline].sel(scenario=b).values
    ok = np.isfinite(x) & np.isfinite(y)
    wins = np.where(ok, (x > y) + 0.5 * (x == y), 0.0).sum(axis=1)
    n = ok.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, wins / n, np.nan)


def beyond_noise(ds: xr.Dataset, headline: str, a=None, b=None) -> np.ndarray:
    """Per design point: +1 where a is higher beyond the paired 95% interval, -1 where b is, 0."""
    a, b = _pair(ds, a, b)
    x, y = ds[headline].sel(scenario=a).values, ds[headline].sel(scenario=b).values
    out = np.zeros(ds.sizes["point"], dtype=int)
    for p in range(ds.sizes["point"]):
        m, _, _, _, beyond = paired(x[p], y[p])
        out[p] = (1 if m > 0 else -1) if beyond else 0
    return out


def pooled(ds: xr.Dataset, headline: str, a=None, b=None, level=0.95):
    """The difference a - b pooled over the design: per replicate, the mean over design points of
    the paired differences (points where either is NaN left out), then the mean over replicates
    and its t interval. Replicates are independent; points of one replicate share its seed, so
    they are averaged rather than counted as separate observations. Returns (mean, lo, hi, n)."""
    a, b = _pair(ds, a, b)
    d = ds[headline].sel(scenario=a).values - ds[headline].sel(scenario=b).values  # (point, replicate)
    with np.errstate(invalid="ignore"):
        per_rep = np.array([np.nanmean(d[:, r]) if np.isfinite(d[:, r]).any() else np.nan for r in range(d.shape[1])])
    m, lo, hi, n, _ = paired(per_rep, np.zeros_like(per_rep), level)
    return m, lo, hi, n


def regime_table(ds: xr.Dataset, a=None, b=None) -> pd.DataFrame:
    """Per headline: design points where a is higher beyond noise, where b is, and neither; and
    the difference pooled over the design (`pooled`) with its 95% interval."""
    a, b = _pair(ds, a, b)
    rows = []
    for h in ds.data_vars:
        z = beyond_noise(ds, h, a, b)
        m, lo, hi, n = pooled(ds, h, a, b)
        rows.append({"headline": h, f"{a} higher": int((z > 0).sum()), f"{b} higher": int((z < 0).sum()),
                     "neither": int((z == 0).sum()), "pooled a - b": m, "pooled lo95": lo, "pooled hi95": hi,
                     "more": ds[h].attrs.get("more", "")})
    return pd.DataFrame(rows).set_index("headline")


def _pair(ds, a, b):
    names = list(ds.scenario.values)
    return (a if a is not None else names[0]), (b if b is not None else names[1])


def _axes_params(ds):
    swept = list(ds.attrs.get("swept", []))
    if len(swept) < 2:
        raise ValueError("a regime map needs an experiment with at least two swept assumptions; "
                         f"this file has {swept or 'none'}")
    return swept[0], swept[1]


def regime_map(ds: xr.Dataset, headline: str, a=None, b=None, ax=None, colorbar=True):
    """One map: share of replicates in which a beats b on `headline`, over the first two swept
    assumptions (other swept assumptions, if any, are pooled). Returns the Axes."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle
    a, b = _pair(ds, a, b)
    px, py = _axes_params(ds)
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    share = share_higher(ds, headline, a, b)
    sign = beyond_noise(ds, headline, a, b)
    x = np.asarray(ds[px].values, dtype=float)
    y = np.asarray(ds[py].values, dtype=float)
    xs, ys = np.unique(x), np.unique(y)
    grid = np.full((ys.size, xs.size), np.nan)
    count = np.zeros_like(grid)
    for p in range(x.size):
        i, j = np.searchsorted(ys, y[p]), np.searchsorted(xs, x[p])
        grid[i, j] = np.nansum([grid[i, j] * count[i, j], share[p]]) / (count[i, j] + 1) if count[i, j] else share[p]
        count[i, j] += 1
    full = x.size == xs.size * ys.size or np.all(count > 0)
    if full and xs.size > 1 and ys.size > 1:
        mesh = ax.pcolormesh(_edges(xs, ds[px]), _edges(ys, ds[py]), grid, cmap="RdBu", vmin=0, vmax=1,
                             shading="flat")
    else:
        mesh = ax.scatter(x, y, c=share, cmap="RdBu", vmin=0, vmax=1, s=80, edgecolors="k")
    for p in range(x.size):
        if sign[p]:
            ax.plot(x[p], y[p], marker="+" if sign[p] > 0 else "x", color="k", ms=8)
    for pos in positions(ds):
        ax.add_patch(Rectangle((pos["x_min"], pos["y_min"]), pos["x_max"] - pos["x_min"], pos["y_max"] - pos["y_min"],
                               fill=False, ls="--", lw=1.5, ec="0.2"))
        ax.annotate(pos["label"], (pos["x_min"], pos["y_max"]), fontsize=7, va="bottom", color="0.2")
    ax.set_xlabel(px.split(".")[-1])
    ax.set_ylabel(py.split(".")[-1])
    ax.set_title(f"{headline}", fontsize=9)
    if colorbar:
        cb = ax.figure.colorbar(mesh, ax=ax)
        cb.set_label(f"share of replicates {a} higher", fontsize=7)
    return ax


def _edges(centres, da):
    log = np.all(centres > 0) and centres.size > 2 and np.allclose(np.diff(np.log(centres)), np.diff(np.log(centres))[0])
    c = np.log(centres) if log else centres
    mid = (c[1:] + c[:-1]) / 2
    e = np.concatenate([[c[0] - (mid[0] - c[0])], mid, [c[-1] + (c[-1] - mid[-1])]])
    return np.exp(e) if log else e


def regime_maps(ds: xr.Dataset, headlines=None, a=None, b=None, cols=4):
    """A figure of regime maps, one per headline (default: every headline that varies)."""
    import matplotlib.pyplot as plt
    a, b = _pair(ds, a, b)
    if headlines is None:
        headlines = [h for h in ds.data_vars if np.nanstd(ds[h].values) > 0]
    rows = max(1, -(-len(headlines) // cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.4 * rows), squeeze=False)
    for k, h in enumerate(headlines):
        regime_map(ds, h, a, b, ax=axes[k // cols][k % cols])
    for k in range(len(headlines), rows * cols):
        axes[k // cols][k % cols].axis("off")
    fig.suptitle(f"{ds.attrs.get('name', '')}: {a} (blue) against {b} (red)\n"
                 f"shade: share of replicates in which {a} is higher; + / x: {a} / {b} higher beyond the paired "
                 "95% interval; dashed: the essays' positions", fontsize=9)
    fig.tight_layout()
    return fig
