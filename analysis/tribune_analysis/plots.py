"""Plots of tribune outputs. Every function takes what ``open_run`` / ``open_sweep`` return and
returns a matplotlib Figure (it does not show it), labelled with the series' description and
units."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .io import display_units


def _label(da):
    units = display_units(da)
    return f"{da.name} ({units})" if units else str(da.name)


def _bands(ax, da, over, label=None, color=None):
    """Median line with 50% and 90% bands over the dimension(s) ``over``; a single run is a line."""
    if not over:
        (line,) = ax.plot(da["tick"], da.values, label=label, color=color)
        return line
    q = da.quantile([0.05, 0.25, 0.5, 0.75, 0.95], dim=over)
    t = da["tick"].values
    (line,) = ax.plot(t, q.sel(quantile=0.5), label=label, color=color)
    c = line.get_color()
    ax.fill_between(t, q.sel(quantile=0.25), q.sel(quantile=0.75), color=c, alpha=0.3, lw=0)
    ax.fill_between(t, q.sel(quantile=0.05), q.sel(quantile=0.95), color=c, alpha=0.12, lw=0)
    return line


def timeseries(ds, variable: str, title: str | None = None):
    """One series over ticks: for a sweep or several replicates, the median across runs with
    50% and 90% bands; for one run, its line. Other dimensions (districts) are averaged."""
    da = ds[variable]
    other = [d for d in da.dims if d not in ("tick", "run", "replicate", "point")]
    if other:
        da = da.mean(other, keep_attrs=True)
    over = [d for d in da.dims if d != "tick"]
    fig, ax = plt.subplots(figsize=(7, 4))
    _bands(ax, da, over, label="median" if over else variable)
    ax.set_xlabel("tick (weeks)")
    ax.set_ylabel(_label(ds[variable]))
    ax.set_title(title or da.attrs.get("description", variable))
    if over:
        ax.legend(title="bands: 50%, 90% of runs", loc="best")
    fig.tight_layout()
    return fig


def compare(datasets: dict, variable: str, title: str | None = None):
    """Several scenarios (label -> Dataset) on one axis: each its median and bands."""
    fig, ax = plt.subplots(figsize=(7, 4))
    any_ds = None
    for label, ds in datasets.items():
        da = ds[variable]
        other = [d for d in da.dims if d not in ("tick", "run", "replicate", "point")]
        if other:
            da = da.mean(other, keep_attrs=True)
        _bands(ax, da, [d for d in da.dims if d != "tick"], label=label)
        any_ds = ds
    ax.set_xlabel("tick (weeks)")
    ax.set_ylabel(_label(any_ds[variable]))
    ax.set_title(title or any_ds[variable].attrs.get("description", variable))
    ax.legend()
    fig.tight_layout()
    return fig


def small_multiples(ds, variable: str, ncols: int = 4):
    """One panel per district (a ``district``-level Dataset), sharing the y axis."""
    da = ds[variable]
    names = ds["district_name"].values if "district_name" in ds.coords else ds["district"].values
    n = da.sizes["district"]
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(3 * ncols, 2.2 * nrows), sharex=True, sharey=True,
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        sub = da.isel(district=k)
        _bands(ax, sub, [d for d in sub.dims if d != "tick"])
        ax.set_title(str(names[k]), fontsize=9)
    for ax in axes[-1]:
        ax.set_xlabel("tick (weeks)")
    for ax in axes[:, 0]:
        ax.set_ylabel(_label(da))
    fig.suptitle(da.attrs.get("description", variable), fontsize=10)
    fig.tight_layout()
    return fig


def phase_diagram(ds, variable: str, x: str, y: str, reduce: str = "last"):
    """A heat map of an outcome over two swept parameters: each run reduced to a number (``last``,
    ``mean`` over ticks, ``max``), then averaged over the runs (replicates, other parameters) that
    share the (x, y) cell."""
    da = ds[variable]
    other = [d for d in da.dims if d not in ("run", "tick")]
    if other:
        da = da.mean(other)
    value = {"last": lambda a: a.isel(tick=-1), "mean": lambda a: a.mean("tick"),
             "max": lambda a: a.max("tick")}[reduce](da)
    df = value.to_dataframe(name="v").reset_index()
    df[x], df[y] = ds[x].values, ds[y].values
    grid = df.pivot_table(index=y, columns=x, values="v", aggfunc="mean")
    fig, ax = plt.subplots(figsize=(6, 5))
    mesh = ax.imshow(grid.values, origin="lower", aspect="auto", cmap="viridis")
    ax.set_xticks(range(grid.shape[1]), [f"{v:g}" if isinstance(v, float) else str(v) for v in grid.columns],
                  rotation=45)
    ax.set_yticks(range(grid.shape[0]), [f"{v:g}" if isinstance(v, float) else str(v) for v in grid.index])
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    cb = fig.colorbar(mesh, ax=ax)
    cb.set_label(f"{_label(ds[variable])}, {reduce}")
    ax.set_title(f"{variable}: {reduce} value, mean over runs")
    fig.tight_layout()
    return fig


def sobol_bars(indices):
    """First- and total-order Sobol indices (``sobol_indices``) as bars with their confidence
    intervals."""
    names = list(indices.index)
    xs = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(max(5, 1.2 * len(names)), 4))
    for k, (col, label) in enumerate((("S1", "first order"), ("ST", "total order"))):
        v = indices[col].values
        err = np.vstack([v - indices[f"{col}_low"].values, indices[f"{col}_high"].values - v])
        ax.bar(xs + (k - 0.5) * 0.38, v, 0.38, yerr=np.clip(err, 0, None), capsize=3, label=label)
    ax.set_xticks(xs, names, rotation=20, ha="right")
    ax.set_ylabel("Sobol index")
    ax.set_title("Sobol indices (bars: bootstrap confidence intervals)")
    ax.axhline(0, color="black", lw=0.5)
    ax.legend()
    fig.tight_layout()
    return fig
