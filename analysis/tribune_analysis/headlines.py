"""Headline outcomes: the numbers a strategy comparison reports.

They are declared once, in tribune's ``sim/engine/headlines.cpp`` (name, units, description,
what "more" means) and computed by tribune at the end of every run into ``/headlines``; this
module reads them, so the command line (``tribune compare``), the analysis package and the
notebooks use the same numbers.

    import tribune_analysis as ta
    ta.headlines.read("results/nyc_2025.h5")         # a pandas Series, one value per headline
    ta.headlines.declarations("results/nyc_2025.h5") # name, units, description, more
    ds = ta.headlines.open_comparison("results/friction.h5")  # (scenario, point, replicate)
    ta.headlines.summarize(ds)                       # mean and 90% interval over replicates
    ta.headlines.differences(ds, "movement_first", "class_struggle_election")  # paired, 95% CI
"""
from __future__ import annotations

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from scipy import stats

from .io import display_units
from .seal import open_h5


def _text(x):
    return x.decode() if isinstance(x, bytes) else str(x)


def _order(group):
    order = _text(group.attrs.get("order", ""))
    names = [n for n in order.split(",") if n] if order else []
    return names or sorted(k for k in group if isinstance(group[k], h5py.Dataset) and group[k].ndim in (0, 3))


def declarations(path) -> pd.DataFrame:
    """The headlines' declarations as written in a run or comparison file."""
    with open_h5(path) as f:
        if "headlines" not in f:
            raise ValueError(f"{path}: no /headlines (written by a tribune before headline outcomes)")
        g = f["headlines"]
        rows = [{"name": n, "units": display_units(dict(g[n].attrs)),
                 "description": _text(g[n].attrs.get("description", "")), "more": _text(g[n].attrs.get("more", ""))}
                for n in _order(g)]
    return pd.DataFrame(rows).set_index("name")


def read(path) -> pd.Series:
    """One run's headline outcomes, in declaration order; `.attrs['success']` names the
    scenario's success headline ('' for none)."""
    with open_h5(path) as f:
        if "headlines" not in f:
            raise ValueError(f"{path}: no /headlines (written by a tribune before headline outcomes)")
        g = f["headlines"]
        s = pd.Series({n: float(g[n][()]) for n in _order(g)}, name=_text(f.attrs.get("scenario_name", path)))
        s.attrs["success"] = _text(g.attrs.get("success", ""))
    return s


def open_comparison(path) -> xr.Dataset:
    """A file written by ``tribune compare``: every headline over (scenario, point, replicate),
    with the scenarios' names and success headlines, the seeds, and the swept assumptions as
    coordinates on `point` (attribute swept = 1)."""
    with open_h5(path) as f:
        if _text(f.attrs.get("kind", "")) != "comparison":
            raise ValueError(f"{path}: not a file written by `tribune compare`")
        g = f["headlines"]
        names = [_text(x) for x in g["scenario_name"][()]]
        coords = {"scenario": names, "point": g["point"][()], "replicate": g["replicate"][()],
                  "seed": ("replicate", g["seed"][()]),
                  "success": ("scenario", [_text(x) for x in g["success"][()]])}
        swept = []
        for k in g:
            if isinstance(g[k], h5py.Dataset) and g[k].attrs.get("swept", 0) == 1:
                v = g[k][()]
                coords[k] = ("point", [_text(x) for x in v] if v.dtype.kind in "OS" else v)
                swept.append(k)
        data = {}
        for n in _order(g):
            d = g[n]
            data[n] = (("scenario", "point", "replicate"), d[()],
                       {**{k: _text(v) if isinstance(v, (bytes, str)) else v for k, v in d.attrs.items()
                           if k not in ("DIMENSION_LIST", "REFERENCE_LIST", "CLASS", "NAME")},
                        "display_units": display_units(dict(d.attrs))})
        attrs = {k: (_text(v) if isinstance(v, (bytes, str)) else v) for k, v in f.attrs.items()}
        declared = [k for k in _text(g.attrs.get("parameters", "")).split(",") if k]
        attrs["swept"] = [k for k in declared if k in swept] + [k for k in swept if k not in declared]
        attrs["experiment"] = _text(f["experiment"][()]) if "experiment" in f else ""
    ds = xr.Dataset(data, coords=coords, attrs=attrs)
    return ds


def summarize(ds: xr.Dataset) -> pd.DataFrame:
    """Mean and 5th-95th percentile (numpy's linear interpolation, as `tribune compare`) over
    replicates, per scenario, point and headline."""
    rows = []
    for h in ds.data_vars:
        v = ds[h].values
        for s, name in enumerate(ds.scenario.values):
            for p in range(ds.sizes["point"]):
                x = v[s, p][np.isfinite(v[s, p])]
                rows.append({"scenario": name, "point": p, "headline": h, "n": x.size,
                             "mean": x.mean() if x.size else np.nan,
                             "lo": np.quantile(x, 0.05) if x.size else np.nan,
                             "hi": np.quantile(x, 0.95) if x.size else np.nan})
    return pd.DataFrame(rows)


def paired(a: np.ndarray, b: np.ndarray, level=0.95):
    """Mean paired difference a - b over the replicates where both are finite, its t interval,
    the count, and whether the interval excludes 0."""
    ok = np.isfinite(a) & np.isfinite(b)
    d = a[ok] - b[ok]
    n = d.size
    if n < 2:
        return (d.mean() if n else np.nan), np.nan, np.nan, n, False
    m = d.mean()
    half = stats.t.ppf(0.5 + level / 2, n - 1) * d.std(ddof=1) / np.sqrt(n)
    return m, m - half, m + half, n, bool(m - half > 0 or m + half < 0)


def differences(ds: xr.Dataset, a: str, b: str, level=0.95) -> pd.DataFrame:
    """Paired differences a - b (same seeds) per point and headline, with their t interval."""
    rows = []
    for h in ds.data_vars:
        for p in range(ds.sizes["point"]):
            m, lo, hi, n, beyond = paired(ds[h].sel(scenario=a).values[p], ds[h].sel(scenario=b).values[p], level)
            rows.append({"a": a, "b": b, "point": p, "headline": h, "mean": m, "lo": lo, "hi": hi, "n": n,
                         "beyond_noise": beyond})
    return pd.DataFrame(rows)
