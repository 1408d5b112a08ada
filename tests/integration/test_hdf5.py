"""The output file opened with h5py and with xarray: names, dimensions, units, provenance."""
import h5py
import numpy as np
import xarray as xr
import yaml


def test_provenance_attributes(small_run):
    with h5py.File(small_run, "r") as f:
        a = f.attrs
        for key in ("program", "version", "git_commit", "build_type", "scenario_name", "scenario_file", "seed",
                    "replicate", "persons", "ticks_run", "threads", "created", "wall_seconds", "complete"):
            assert key in a, key
        assert a["program"] == "tribune"
        assert a["complete"] == 1
        assert a["seed"] == 20251104 and a["persons"] == 3000 and a["ticks_run"] == 104
        resolved = yaml.safe_load(f["scenario"][()].decode())
        assert resolved["world"]["persons"] == 3000
        assert resolved["mechanisms"]["opinion"]["epsilon"] == 0.5


def test_series_with_units_and_dimension_scales(small_run):
    with h5py.File(small_run, "r") as f:
        ts = f["timeseries"]
        assert list(ts["tick"][:]) == list(range(104))
        for name in ("hope_mean", "grievance_mean", "ideology_mean", "ideology_sd", "union_density", "legitimacy"):
            d = ts[name]
            assert d.shape == (104,)
            assert d.attrs["units"] and d.attrs["description"]
            assert d.dims[0][0].name == "/timeseries/tick"
        hope = f["districts/hope_mean"]
        assert hope.shape == (104, 8)
        assert [s.name for s in (hope.dims[0][0], hope.dims[1][0])] == ["/districts/tick", "/districts/district"]
        names = [n.decode() if isinstance(n, bytes) else n for n in f["districts/district_name"][:]]
        assert names[0] == "downtown"
        # Population per district adds up to everyone.
        assert f["districts/population"][0].sum() == 3000


def test_xarray_opens_series_with_named_dimensions(small_run):
    ts = xr.open_dataset(small_run, group="timeseries", engine="h5netcdf")
    assert ts["hope_mean"].dims == ("tick",)
    assert ts["hope_mean"].attrs["units"] == "1"  # CF: a fraction; its bounds in valid_range
    assert list(ts["hope_mean"].attrs["valid_range"]) == [0.0, 1.0]
    assert int(ts["tick"][-1]) == 103
    ds = xr.open_dataset(small_run, group="districts", engine="h5netcdf")
    assert ds["grievance_mean"].dims == ("tick", "district")
    assert ds.sizes["district"] == 8
    # The economic shock (weeks 20-46, workers) shows in the series read through xarray.
    assert float(ts["economic_shock"].sel(tick=30)) > 0.05
    assert float(ts["economic_shock"].sel(tick=10)) == 0.0


def test_events_and_snapshots(small_run):
    with h5py.File(small_run, "r") as f:
        ev = f["events/timeline"]  # a group of columns over the dimension `event`
        assert list(ev["tick"][:]) == [20, 60]
        assert [k.decode() if isinstance(k, bytes) else k for k in ev["kind"][:]] == ["economic_shock",
                                                                                      "legitimacy_shift"]
        assert ev["tick"].dims[0][0].name == "/events/timeline/event"
        snap = f["snapshots"]
        assert list(snap["tick"][:]) == [0, 26, 52, 78]
        assert snap["hope"].shape == (4, 3000)
        assert snap["hope"].dims[0][0].name == "/snapshots/tick"
        assert snap["hope"].compression == "gzip"
        assert np.all((snap["hope"][:] >= 0) & (snap["hope"][:] <= 1))
    s = xr.open_dataset(small_run, group="snapshots", engine="h5netcdf")
    assert s["ideology"].dims == ("tick", "person")


def test_organizations_group(small_run):
    with h5py.File(small_run, "r") as f:
        g = f["organizations"]
        names = [n.decode() if isinstance(n, bytes) else n for n in g["org_name"][:]]
        assert names == ["left_org", "liberal_group"]
        for name in ("supporters", "volunteers", "members", "cadre", "hours_electoral", "hours_movement",
                     "hours_union", "hours_base_building", "hours_internal", "memory", "treasury"):
            assert g[name].shape == (104, 2), name
            assert g[name].attrs["units"]
        # City totals are the sums over organizations.
        assert np.array_equal(f["timeseries/org_members"][:], g["members"][:].sum(axis=1))
        assert np.all(g["cadre"][:] <= g["members"][:])
    ds = xr.open_dataset(small_run, group="organizations", engine="h5netcdf")
    assert ds["members"].dims == ("tick", "org")
    assert float(ds["memory"].isel(org=0, tick=0)) > 0


def test_unions_group_and_labor_tables(small_run):
    with h5py.File(small_run, "r") as f:
        g = f["unions"]
        names = [n.decode() if isinstance(n, bytes) else n for n in g["union_name"][:]]
        assert names[:3] == ["service_workers", "teamsters", "public_employees"]
        assert len(names) == 5  # plus one each for the two sectors no declared union covers
        for name in ("members", "growth", "treasury", "left_led"):
            assert g[name].shape == (104, 5), name
        for table in ("strikes", "drives", "handovers"):
            assert table in f["events"]
        for name in ("strikes_started", "strikes_active", "strikes_won", "strikes_lost"):
            assert f["timeseries"][name].shape == (104,)
    assert xr.open_dataset(small_run, group="unions", engine="h5netcdf")["members"].dims == ("tick", "union")
