"""Reading tribune's HDF5 files into xarray and pandas.

A run file (``tribune run``) holds groups of series: ``timeseries`` (over ``tick``), ``districts``
(``tick`` x ``district``), ``organizations`` (``tick`` x ``org``), ``unions`` (``tick`` x
``union``) and ``parties`` (``tick`` x ``party``). A merged sweep file (``tribune sweep merge``) stacks the same groups along ``run`` and
adds, on ``run``, the seed, the replicate, the design point, the status and every swept parameter.
"""
from __future__ import annotations

import warnings

import h5py
import numpy as np
import pandas as pd
import xarray as xr

from .seal import open_h5

LEVELS = {"city": "timeseries", "district": "districts", "org": "organizations", "union": "unions", "party": "parties"}
_NAMES = {"district": "district_name", "org": "org_name", "union": "union_name", "party": "party_name"}


class IncompleteWarning(UserWarning):
    """The file's ``complete`` attribute is 0: an interrupted run, or a partial sweep merge."""


def _decode(v):
    if isinstance(v, bytes):
        return v.decode()
    if isinstance(v, np.generic):
        return v.item()
    return v


def _provenance(path) -> dict:
    with open_h5(path) as f:
        attrs = {k: _decode(v) for k, v in f.attrs.items()}
        if "scenario" in f:
            attrs["scenario"] = _decode(f["scenario"][()])
        if "sweep" in f:
            attrs["sweep"] = _decode(f["sweep"][()])
        if "runs" in f:  # the swept parameters, in the sweep file's order
            runs = f["runs"]
            if isinstance(runs, h5py.Group):  # format 2
                order = _decode(runs.attrs.get("swept", ""))
                attrs["swept"] = order.split(",") if order else []
            else:
                attrs["swept"] = list(runs.dtype.names[5:])
    attrs["path"] = str(path)
    return attrs


def _check_complete(attrs, path):
    if int(attrs.get("complete", 1)) == 0:
        what = "a partial sweep merge" if "sweep_name" in attrs else "an interrupted run"
        warnings.warn(f"{path} has complete=0: it is {what}; its series stop early or hold NaN rows",
                      IncompleteWarning, stacklevel=3)


def _open(path, level):
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    ds = xr.open_dataset(path, group=LEVELS[level], engine="h5netcdf")
    actor = next((d for d in ("district", "org", "union") if d in ds.dims), None)
    if actor and _NAMES[actor] in ds:
        ds = ds.set_coords(_NAMES[actor])
        ds[_NAMES[actor]] = ds[_NAMES[actor]].astype(str)
    return ds


def display_units(da) -> str:
    """A variable's (or a dict of attributes') unit for a label: its CF ``units``, except that a dimensionless "1" shows what
    it counts ("persons"), its range ("[0, 1]") or its codes, as the model writes them; "" when
    there is nothing to show."""
    attrs = da if isinstance(da, dict) else da.attrs
    attrs = {k: _decode(v) if isinstance(v, bytes) else v for k, v in attrs.items()}
    units = str(attrs.get("units", ""))
    if units != "1":
        return units
    comment = str(attrs.get("comment", ""))
    if comment.startswith("a count of "):
        return comment[len("a count of "):]
    if "flag_meanings" in attrs:
        return ", ".join(f"{int(v)} {m}" for v, m in zip(np.atleast_1d(attrs["flag_values"]),
                                                        str(attrs["flag_meanings"]).split()))
    if "valid_range" in attrs:
        lo, hi = np.atleast_1d(attrs["valid_range"])[:2]
        return f"[{lo:g}, {hi:g}]"
    return "" if comment == "an index" else comment


def open_run(path, level: str = "city") -> xr.Dataset:
    """One run's series as a Dataset: ``level`` is ``city`` (dims ``tick``), ``district``
    (``tick``, ``district``), ``org`` or ``union``. Each variable keeps its ``units`` and
    ``description``; the provenance (seed, replicate, version, git commit, the resolved scenario
    text, ...) is in ``ds.attrs``. Warns (``IncompleteWarning``) when the run did not complete."""
    attrs = _provenance(path)
    _check_complete(attrs, path)
    ds = _open(path, level)
    ds.attrs.update(attrs)
    ds.attrs["level"] = level
    return ds


def swept_parameters(ds: xr.Dataset) -> list[str]:
    """The names of the swept parameters of a sweep Dataset (their scenario key paths), in the
    sweep file's order."""
    found = {v for v in ds.variables if ds[v].attrs.get("swept") == 1}
    order = [p for p in ds.attrs.get("swept", []) if p in found]
    return order + sorted(found - set(order))


def open_sweep(path, level: str = "city") -> xr.Dataset:
    """A merged sweep as a Dataset with a leading ``run`` dimension. The swept parameters (named by
    their key paths), ``seed``, ``replicate``, ``point`` and ``status`` are coordinates on ``run``;
    the data stay on disk until used. ``by_replicate(ds)`` reshapes ``run`` into ``point`` x
    ``replicate``. Warns when the sweep was merged incomplete."""
    attrs = _provenance(path)
    _check_complete(attrs, path)
    ds = _open(path, level)
    ds.attrs.update(attrs)
    ds.attrs["level"] = level
    ds.attrs["swept"] = swept_parameters(ds)
    ds = ds.set_coords([v for v in ("seed", "replicate", "point", "status") if v in ds] + ds.attrs["swept"])
    if "status" in ds.coords:
        ds = ds.assign_coords(status=ds["status"].astype(str))
    return ds


def by_replicate(ds: xr.Dataset) -> xr.Dataset:
    """Reshape a sweep's ``run`` into ``point`` x ``replicate``; swept parameters become
    coordinates on ``point`` (they do not vary across replicates). Loads the data."""
    swept = [p for p in ds.attrs.get("swept", swept_parameters(ds)) if p in ds.coords]
    params = {p: ("point", ds[p].groupby("point").first().values) for p in swept}
    out = ds.drop_vars(swept + [c for c in ("seed", "status") if c in ds.coords])
    out = out.set_index(run=["point", "replicate"]).unstack("run")
    return out.assign_coords(params)


def events(path, table: str) -> pd.DataFrame:
    """An event table (``elections``, ``strikes``, ``episodes``, ...) of a run file as a
    DataFrame, text decoded; units are in ``df.attrs["units"]`` (CF units, with the model's own
    words in ``df.attrs["comments"]``).

    Since format 2 each table is a group of columns over the dimension ``event``, which xarray
    also opens (``xr.open_dataset(path, group="events/elections", engine="h5netcdf")``); older
    files hold one compound dataset per table, read here the same way."""
    with open_h5(path) as f:
        if f"events/{table}" not in f:
            have = sorted(f["events"]) if "events" in f else []
            raise KeyError(f"{path} has no event table {table!r}; it has {have}")
        d = f[f"events/{table}"]
        if isinstance(d, h5py.Group):
            order = _decode(d.attrs.get("columns", ""))
            cols = order.split(",") if order else [c for c in d if c != "event"]
            df = pd.DataFrame({c: d[c][()] for c in cols})
            units = {c: _decode(d[c].attrs["units"]) for c in cols if "units" in d[c].attrs}
            comments = {c: _decode(d[c].attrs["comment"]) for c in cols if "comment" in d[c].attrs}
        else:
            df = pd.DataFrame(d[()])
            units = {k[:-len("_units")]: _decode(v) for k, v in d.attrs.items() if k.endswith("_units")}
            comments = {}
        desc = _decode(d.attrs.get("description", ""))
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(_decode)
    df.attrs["units"] = units
    df.attrs["comments"] = comments
    df.attrs["description"] = desc
    return df
