"""Loaders on real outputs: names, dimensions, units, coordinates, provenance."""
import shutil
import signal
import subprocess
import time
import warnings

import h5py
import numpy as np
import pytest

import tribune_analysis as ta
from analysis_env import ROOT, TRIBUNE


def test_open_run_city(run_file):
    ds = ta.open_run(run_file)
    assert ds["hope_mean"].dims == ("tick",) and ds.sizes["tick"] == 70
    assert ds["hope_mean"].attrs["units"] == "1" and list(ds["hope_mean"].attrs["valid_range"]) == [0, 1]
    assert ta.display_units(ds["hope_mean"]) == "[0, 1]" and ta.display_units(ds["protesters"]) == "persons"
    assert "hope" in ds["hope_mean"].attrs["description"]
    assert ds.attrs["seed"] == 20251104 and ds.attrs["replicate"] == 0
    assert ds.attrs["complete"] == 1 and ds.attrs["program"] == "tribune"
    assert "horizon_weeks: 70" in ds.attrs["scenario"]
    assert list(ds["tick"].values[:3]) == [0, 1, 2]


def test_open_run_levels(run_file):
    dd = ta.open_run(run_file, level="district")
    assert dd["grievance_mean"].dims == ("tick", "district")
    assert dd["district_name"].values[0] == "downtown"
    org = ta.open_run(run_file, level="org")
    assert org["members"].dims == ("tick", "org") and "left_org" in list(org["org_name"].values)
    with pytest.raises(ValueError):
        ta.open_run(run_file, level="county")


def test_events(run_file):
    df = ta.events(run_file, "timeline")
    assert list(df.columns) == ["tick", "kind", "magnitude", "detail"]
    assert set(df["kind"]) == {"economic_shock", "legitimacy_shift"}
    assert isinstance(df["kind"].iloc[0], str)
    el = ta.events(run_file, "elections")
    assert len(el) > 0 and el.attrs["units"]["votes"]
    with pytest.raises(KeyError, match="no event table"):
        ta.events(run_file, "nothing")


def test_incomplete_run_warns(run_file, tmp_path):
    """A run interrupted by SIGINT (a horizon far longer than the 0.5 s it is given) keeps a
    sealed NAME.partial with complete=0."""
    out = tmp_path / "cut.h5"
    p = subprocess.Popen([TRIBUNE, "run", "scenarios/baseline.yaml", "-q", "-o", str(out), "--set",
                          "world.persons=2000", "--set", "horizon_weeks=100000"], cwd=ROOT, stderr=subprocess.PIPE)
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    assert p.wait(timeout=60) == 130, p.stderr.read()
    cut = tmp_path / "cut.h5.partial"
    with pytest.warns(ta.IncompleteWarning, match="complete=0"):
        ta.open_run(cut)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ta.open_run(run_file)  # a complete file does not warn


def test_open_sweep(sweep_file):
    sw = ta.open_sweep(sweep_file)
    assert sw["protesters"].dims == ("run", "tick") and sw.sizes["run"] == 12
    assert sw.attrs["swept"] == ["mechanisms.mobilization.threshold_mean", "mechanisms.mobilization.police_per_1000"]
    for c in ("seed", "replicate", "point", "status", *sw.attrs["swept"]):
        assert c in sw.coords and sw[c].dims == ("run",)
    assert list(sw["mechanisms.mobilization.threshold_mean"].values[:6]) == [0.2] * 6
    assert set(sw["status"].values) == {"done"}
    assert sw.attrs["design"] == "factorial" and sw.attrs["replicates"] == 3
    # Lazy: nothing is read until asked.
    assert not sw["protesters"].variable._in_memory
    rep = ta.by_replicate(sw)
    assert rep["protesters"].dims == ("tick", "point", "replicate") or set(rep["protesters"].dims) == {"tick", "point", "replicate"}
    assert rep.sizes["replicate"] == 3 and rep.sizes["point"] == 4
    assert rep["mechanisms.mobilization.police_per_1000"].dims == ("point",)
    np.testing.assert_array_equal(rep["protesters"].sel(point=1, replicate=2).values,
                                  sw["protesters"].sel(run=5).values)


def test_open_sweep_district(sweep_file):
    sd = ta.open_sweep(sweep_file, level="district")
    assert sd["protesters"].dims == ("run", "tick", "district")
