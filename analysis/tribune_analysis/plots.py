"""Plots of tribune outputs. Every function takes what ``open_run`` / ``open_sweep`` return and
returns a matplotlib Figure (it does not show it), labelled with the series' description and
units."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

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


ACTORS = ("district", "org", "union", "party")
_NAME = {"district": "district_name", "org": "org_name", "union": "union_name", "party": "party_name"}
MAX_LINES = 10  # more lines than this on one axis are not readable: choose, or use small_multiples


def _select(ds, da, select):
    """Pick actors or design points by name or value: ``select={"org": "left_org", "point": 3}``
    (a list picks several)."""
    for dim, want in (select or {}).items():
        if dim in ACTORS and dim in da.dims and _NAME[dim] in ds.coords:
            names = [str(n) for n in ds[_NAME[dim]].values]
            wanted = want if isinstance(want, (list, tuple)) else [want]
            missing = [w for w in wanted if str(w) not in names and not isinstance(w, int)]
            if missing:
                raise ValueError(f"no {dim} {missing}; the {dim}s are {names}")
            idx = [names.index(str(w)) if str(w) in names else int(w) for w in wanted]
            da = da.isel({dim: idx if isinstance(want, (list, tuple)) else idx[0]})
        elif dim == "point" and "point" in da.coords:
            wanted = want if isinstance(want, (list, tuple)) else [want]
            da = da.isel(run=np.isin(da["point"].values, wanted))
        elif dim in da.dims:
            da = da.sel({dim: want})
        else:
            raise ValueError(f"cannot select {dim!r}: the series has dimensions {list(da.dims)}")
    return da


def _groups(ds, da):
    """How the series splits into lines: (dimension, labels) for its actors, or for a sweep's
    design points; (None, []) for one line (or one band over replicates)."""
    actor = next((d for d in ACTORS if d in da.dims and da.sizes[d] > 1), None)
    if actor:
        if _NAME[actor] in ds.coords:
            names = ds[_NAME[actor]].values
            labels = ([str(names[int(v)]) for v in da[actor].values] if actor in da.coords
                      else [str(n) for n in names])
        else:
            labels = [str(v) for v in da[actor].values]
        return actor, labels
    if "point" in da.coords and "run" in da.dims and len(np.unique(da["point"].values)) > 1:
        swept = [p for p in ds.attrs.get("swept", []) if p in da.coords]
        labels = []
        for pt in np.unique(da["point"].values):
            first = da.isel(run=int(np.argmax(da["point"].values == pt)))
            labels.append(", ".join(f"{p.rsplit('.', 1)[-1]}={_fmt(first[p].values)}" for p in swept) or f"point {pt}")
        return "point", labels
    return None, []


def _fmt(v):
    v = v.item() if hasattr(v, "item") else v
    return f"{v:g}" if isinstance(v, float) else str(v)


def timeseries(ds, variable: str, title: str | None = None, select: dict | None = None):
    """One series over ticks, never averaged across what it distinguishes: a line per district,
    organization, union or party, and for a sweep a median line with 50% and 90% bands per design
    point (the bands are over its replicates); one run's series is one line. ``select`` picks
    actors or points by name (``{"org": "left_org"}``, ``{"district": ["a", "b"]}``, ``{"point":
    [0, 3]}``). More than 10 lines is an error that says how to choose (or use small_multiples
    or phase_diagram)."""
    da = _select(ds, ds[variable], select)
    dim, labels = _groups(ds, da)
    if len(labels) > MAX_LINES:
        what = "design points" if dim == "point" else f"{dim}s"
        raise ValueError(f"{variable} has {len(labels)} {what}: too many lines for one axis. Choose some with "
                         f"select={{{dim!r}: [...]}}" + (", or use plots.small_multiples" if dim == "district" else
                                                         ", or plots.phase_diagram for a sweep's outcome"))
    fig, ax = plt.subplots(figsize=(7, 4))
    if dim is None:
        over = [d for d in da.dims if d != "tick"]
        _bands(ax, da, over, label="median" if over else variable)
        if over:
            ax.legend(title="bands: 50%, 90% of runs", loc="best")
    else:
        for k, label in enumerate(labels):
            if dim == "point":
                pts = np.unique(da["point"].values)
                sub = da.isel(run=da["point"].values == pts[k])
            else:
                sub = da.isel({dim: k})
            _bands(ax, sub, [d for d in sub.dims if d != "tick"], label=label)
        ax.legend(title="design point (median, 50% and 90% of replicates)" if dim == "point" else dim,
                  loc="best", fontsize=8)
    ax.set_xlabel("tick (weeks)")
    ax.set_ylabel(_label(ds[variable]))
    ax.set_title(title or ds[variable].attrs.get("description", variable))
    fig.tight_layout()
    return fig


def _one_actor(ds, da, variable, select):
    """The series of one actor (or the city): several districts, organizations, ... are an error
    that names them, never an average."""
    da = _select(ds, da, select)
    actor = next((d for d in ACTORS if d in da.dims and da.sizes[d] > 1), None)
    if actor:
        names = [str(n) for n in ds[_NAME[actor]].values] if _NAME[actor] in ds.coords else list(da[actor].values)
        raise ValueError(f"{variable} is per {actor} ({names}); choose one with select={{{actor!r}: ...}} "
                         f"(a plot never averages them silently)")
    return da.squeeze([d for d in ACTORS if d in da.dims], drop=True)


def compare(datasets: dict, variable: str, title: str | None = None, select: dict | None = None):
    """Several scenarios (label -> Dataset) on one axis: each its median and bands over its runs.
    A per-actor series needs ``select`` (``{"district": "downtown"}``)."""
    fig, ax = plt.subplots(figsize=(7, 4))
    any_ds = None
    for label, ds in datasets.items():
        da = _one_actor(ds, ds[variable], variable, select)
        _bands(ax, da, [d for d in da.dims if d != "tick"], label=label)
        any_ds = ds
    ax.set_xlabel("tick (weeks)")
    ax.set_ylabel(_label(any_ds[variable]))
    ax.set_title(title or any_ds[variable].attrs.get("description", variable))
    ax.legend()
    fig.tight_layout()
    return fig


def small_multiples(ds, variable: str, ncols: int = 4, select: dict | None = None):
    """One panel per district (or organization, union, party), sharing the y axis; in each, one
    run's line or the median and bands over runs. A sweep of several design points needs
    ``select={"point": ...}`` for one of them: its points are not pooled silently."""
    da = _select(ds, ds[variable], select)
    actor = next((d for d in ACTORS if d in da.dims), None)
    if actor is None:
        raise ValueError(f"{variable} is city-wide: small multiples need a per-district (org, union, party) series")
    if "point" in da.coords and "run" in da.dims and len(np.unique(da["point"].values)) > 1:
        raise ValueError(f"this sweep has {len(np.unique(da['point'].values))} design points; choose one with "
                         "select={'point': k} (the panels do not pool points)")
    names = ds[_NAME[actor]].values if _NAME[actor] in ds.coords else da[actor].values
    n = da.sizes[actor]
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(3 * ncols, 2.2 * nrows), sharex=True, sharey=True,
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        sub = da.isel({actor: k})
        _bands(ax, sub, [d for d in sub.dims if d != "tick"])
        ax.set_title(str(names[k]), fontsize=9)
    for ax in axes[-1]:
        ax.set_xlabel("tick (weeks)")
    for ax in axes[:, 0]:
        ax.set_ylabel(_label(da))
    fig.suptitle(da.attrs.get("description", variable), fontsize=10)
    fig.tight_layout()
    return fig


SCATTERED = ("lhs", "random", "sobol", "saltelli")


def phase_diagram(ds, variable: str, x: str, y: str, reduce: str = "last", select: dict | None = None,
                  bins: int | None = None):
    """An outcome over two swept parameters: each run reduced to a number (``last``, ``mean``
    over ticks, ``max``), its replicates averaged per design point. A factorial design is a heat
    map of its grid; a scattered design (lhs, random, sobol, saltelli), whose points share no grid,
    is a scatter of its points coloured by the outcome, or with ``bins=k`` a k x k map of the mean
    over the points in each bin (empty bins blank). A per-actor series needs ``select``."""
    da = _one_actor(ds, ds[variable], variable, select)
    value = {"last": lambda a: a.isel(tick=-1), "mean": lambda a: a.mean("tick"),
             "max": lambda a: a.max("tick")}[reduce](da)
    df = pd.DataFrame({"v": value.values, x: ds[x].values, y: ds[y].values,
                       "point": ds["point"].values if "point" in ds.coords else np.arange(value.size)})
    per_point = df.groupby("point").agg({"v": "mean", x: "first", y: "first"})
    fig, ax = plt.subplots(figsize=(6, 5))
    scattered = ds.attrs.get("design") in SCATTERED
    label = f"{_label(ds[variable])}, {reduce}"
    if scattered and not bins:
        sc = ax.scatter(per_point[x], per_point[y], c=per_point["v"], cmap="viridis", s=40, edgecolor="k", lw=0.3)
        fig.colorbar(sc, ax=ax).set_label(label)
        ax.set_title(f"{variable}: {reduce} value per design point ({len(per_point)} points, "
                     f"mean over replicates)", fontsize=9)
    else:
        if scattered:  # binned: the mean of the points that fall in each cell
            xe = np.linspace(per_point[x].min(), per_point[x].max(), bins + 1)
            ye = np.linspace(per_point[y].min(), per_point[y].max(), bins + 1)
            total, _, _ = np.histogram2d(per_point[x], per_point[y], [xe, ye], weights=per_point["v"])
            count, _, _ = np.histogram2d(per_point[x], per_point[y], [xe, ye])
            with np.errstate(invalid="ignore"):
                grid = (total / count).T
            mesh = ax.pcolormesh(xe, ye, np.ma.masked_invalid(grid), cmap="viridis")
            ax.set_title(f"{variable}: {reduce} value, mean over the points in each of {bins} x {bins} bins",
                         fontsize=9)
        else:
            grid = per_point.pivot_table(index=y, columns=x, values="v", aggfunc="mean")
            mesh = ax.imshow(grid.values, origin="lower", aspect="auto", cmap="viridis")
            ax.set_xticks(range(grid.shape[1]), [_fmt(v) for v in grid.columns], rotation=45)
            ax.set_yticks(range(grid.shape[0]), [_fmt(v) for v in grid.index])
            ax.set_title(f"{variable}: {reduce} value, mean over replicates", fontsize=9)
        fig.colorbar(mesh, ax=ax).set_label(label)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    fig.tight_layout()
    return fig


def sobol_bars(indices):
    """First- and total-order Sobol indices (``sobol_indices``, ``sweep_sobol``) as bars with their
    confidence intervals; with second-order indices (a design with ``second_order: true``), a
    second panel of them as bars with intervals. The title gives the number of base rows N, and
    says when it is below what the indices need (tribune_analysis.sobol)."""
    from .sobol import MAX_WIDTH, MIN_SAMPLES  # noqa: PLC0415
    names = list(indices.index)
    xs = np.arange(len(names))
    s2 = indices.attrs.get("S2")
    panels = 2 if s2 is not None and len(s2) else 1
    fig, axes = plt.subplots(1, panels, figsize=(max(5, 1.2 * len(names)) * panels, 4), squeeze=False)
    ax = axes[0, 0]
    for k, (col, label) in enumerate((("S1", "first order"), ("ST", "total order"))):
        v = indices[col].values
        err = np.vstack([v - indices[f"{col}_low"].values, indices[f"{col}_high"].values - v])
        ax.bar(xs + (k - 0.5) * 0.38, v, 0.38, yerr=np.clip(err, 0, None), capsize=3, label=label)
    ax.set_xticks(xs, names, rotation=20, ha="right")
    ax.set_ylabel("Sobol index")
    n = indices.attrs.get("N")
    widest = float((indices["S1_high"] - indices["S1_low"]).max())
    few = n is not None and (n < MIN_SAMPLES or widest > MAX_WIDTH)
    ax.set_title("Sobol indices (bars: bootstrap 95% intervals)" + (f", N = {n}" if n is not None else "") +
                 ("\ntoo few samples to rank the parameters: raise design.samples" if few else ""),
                 fontsize=9, color="firebrick" if few else "black")
    ax.axhline(0, color="black", lw=0.5)
    ax.legend()
    if panels == 2:
        ax2 = axes[0, 1]
        labels = [f"{i} x {j}" for i, j in s2.index]
        v = s2["S2"].values
        err = np.vstack([v - s2["S2_low"].values, s2["S2_high"].values - v])
        ax2.bar(np.arange(len(v)), v, 0.6, yerr=np.clip(err, 0, None), capsize=3, color="tab:green")
        ax2.set_xticks(np.arange(len(v)), labels, rotation=20, ha="right", fontsize=8)
        ax2.set_ylabel("second-order Sobol index")
        ax2.set_title("pairs' joint effect beyond their own", fontsize=9)
        ax2.axhline(0, color="black", lw=0.5)
    fig.tight_layout()
    return fig
