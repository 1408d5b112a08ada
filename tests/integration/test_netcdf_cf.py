"""Every file tribune writes reads in netCDF and CF tools (issue 20): a run (with snapshots and
every event table), a merged sweep and a comparison are checked variable by variable by
cf_check.py (the netCDF4 library, UDUNITS-2's parser and the CF rules it lists), and `ncdump`
shows the event tables' columns."""
import shutil
import subprocess

import pytest
import xarray as xr

import cf_check
from integration_env import ROOT

SWEEP = """name: cf
scenario: {base}
replicates: 1
set: ["world.persons=1500", "horizon_weeks=12"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.opinion.epsilon, values: [0.2, 0.6]}}
  - {{path: offices.mayor.rule, values: [plurality, irv]}}
"""


def assert_cf(path):
    problems, _ = cf_check.check(path)
    assert problems == [], "\n".join(problems)


@pytest.fixture(scope="module")
def run_file(tribune, tmp_path_factory):
    out = tmp_path_factory.mktemp("cf") / "nyc.h5"
    tribune("run", "scenarios/nyc_2025.yaml", "-o", out, "--set", "world.persons=4000", "--set",
            "output.snapshot_every=100", "-q", check=0)
    return out


def test_a_run_file_follows_cf(run_file):
    assert_cf(run_file)


def test_the_checker_finds_what_it_claims_to(run_file, tmp_path):
    """The checker can fail: a file with a unit UDUNITS does not know, a missing long_name and a
    compound dataset is refused on each count."""
    import h5py
    import numpy as np
    bad = tmp_path / "bad.h5"
    shutil.copy(run_file, bad)
    with h5py.File(bad, "r+") as f:  # the seal no longer matters to netCDF readers
        f["timeseries/hope_mean"].attrs["units"] = "persons"
        del f["timeseries/grievance_mean"].attrs["long_name"]
        f["events/raw"] = np.zeros(3, dtype=[("a", "i8"), ("b", "f8")])
    problems, _ = cf_check.check(bad)
    text = "\n".join(problems)
    assert "/timeseries/hope_mean: units 'persons' are not UDUNITS-2" in text
    assert "/timeseries/grievance_mean: no long_name" in text
    assert "/events/raw: an HDF5 dataset netCDF does not see" in text


def test_event_tables_are_netcdf_variables(run_file):
    ds = xr.open_dataset(run_file, group="events/elections", engine="h5netcdf")
    assert ds.sizes["event"] > 0
    assert {"tick", "office", "candidate", "votes", "share", "electorate"} <= set(ds.data_vars) | set(ds.coords)
    assert ds["tick"].attrs["units"] == "week"
    if shutil.which("ncdump"):
        out = subprocess.run(["ncdump", "-h", str(run_file)], capture_output=True, text=True, check=True).stdout
        assert "group: elections" in out and "double votes(event)" in out
    # An empty table is an unlimited dimension of length 0, which netCDF allows.
    calls = xr.open_dataset(run_file, group="events/calls", engine="netcdf4")
    assert calls.sizes["event"] == 0


def test_codes_and_bounds_are_cf_attributes(run_file):
    snap = xr.open_dataset(run_file, group="snapshots", engine="netcdf4", mask_and_scale=False)
    assert snap["klass"].attrs["flag_meanings"] == "worker professional owner"
    assert list(snap["klass"].attrs["flag_values"]) == [0, 1, 2]
    assert snap["engagement"].attrs["flag_meanings"] == "none supporter volunteer member cadre"
    ts = xr.open_dataset(run_file, group="timeseries", engine="netcdf4", mask_and_scale=False)
    assert list(ts["hope_mean"].attrs["valid_range"]) == [0.0, 1.0]
    assert ts["protesters"].attrs["units"] == "1" and "protesting" in ts["protesters"].attrs["long_name"]
    assert ts["movement_hours"].attrs["units"] == "hour/week"


def test_a_merged_sweep_follows_cf(tribune, tmp_path):
    sweep = tmp_path / "cf.yaml"
    sweep.write_text(SWEEP.format(base=ROOT / "scenarios" / "nyc_2025.yaml"))
    tribune("sweep", "run", sweep, "-o", tmp_path / "dir", "--jobs", 2, "-q", check=0)
    tribune("sweep", "merge", tmp_path / "dir", "-o", tmp_path / "cf.h5", check=0)
    assert_cf(tmp_path / "cf.h5")
    root = xr.open_dataset(tmp_path / "cf.h5", engine="h5netcdf")  # the root group opens
    assert "scenario" in root and "sweep" in root
    runs = xr.open_dataset(tmp_path / "cf.h5", group="runs", engine="h5netcdf")
    assert list(runs["offices.mayor.rule"].values) == ["plurality", "irv", "plurality", "irv"]
    assert runs["mechanisms.opinion.epsilon"].attrs["swept"] == 1


def test_a_comparison_follows_cf(tribune, tmp_path):
    tribune("compare", "scenarios/movement_first.yaml", "scenarios/class_struggle_election.yaml", "--replicates", 2,
            "--set", "world.persons=1500", "--set", "horizon_weeks=12", "-o", tmp_path / "c.h5", "-q", check=0)
    assert_cf(tmp_path / "c.h5")
