"""`tribune run --replicates N` and `tribune export`: replicates are the runs `tribune run --seed
SEED+r --set replicate=r` makes, stacked as a merged sweep; the CSV table holds every value of the
file it was exported from, and pandas reads it back."""
import csv
import io

import h5py
import numpy as np
import pandas as pd
import pytest

SMALL = ["--set", "world.persons=1500", "--set", "horizon_weeks=12"]


@pytest.fixture(scope="module")
def replicated(tribune, tmp_path_factory):
    d = tmp_path_factory.mktemp("rep")
    p = tribune("run", "scenarios/movement_first.yaml", "--replicates", 3, "--jobs", 2, "--seed", 40, *SMALL,
                "-o", d / "mf.h5", "-q", check=0)
    assert "replicates     3 of 'movement_first', seeds 40 to 42" in p.stdout
    return d


def test_replicates_are_the_single_runs(tribune, replicated, tmp_path):
    with h5py.File(replicated / "mf.h5") as f:
        assert list(f["timeseries/seed"][:]) == [40, 41, 42] and list(f["timeseries/replicate"][:]) == [0, 1, 2]
        stacked = f["timeseries/protesters"][:]
    assert stacked.shape == (3, 12)
    for r in range(3):
        tribune("run", "scenarios/movement_first.yaml", "--seed", 40 + r, "--set", f"replicate={r}", *SMALL,
                "-o", tmp_path / f"r{r}.h5", "-q", check=0)
        with h5py.File(tmp_path / f"r{r}.h5") as f:
            assert f["timeseries/protesters"][:].tobytes() == stacked[r].tobytes()
    assert sorted(p.name for p in (replicated / "mf.runs" / "runs").glob("*.h5")) == [
        f"run-{r:06d}.h5" for r in range(3)]
    assert tribune("sweep", "status", replicated / "mf.runs").returncode == 0  # a sweep directory


def test_replicates_refuse_what_only_one_run_takes(tribune, tmp_path):
    p = tribune("run", "scenarios/baseline.yaml", "--replicates", 2, "--checkpoint-every", 3, "-o", tmp_path / "x.h5")
    assert p.returncode == 2 and "--checkpoint-every" in p.stderr
    p = tribune("run", "scenarios/baseline.yaml", "--replicates", 2, "--set", "world.persons=-3", "-o", tmp_path / "x.h5")
    assert p.returncode == 2 and "world.persons" in p.stderr


def test_export_of_a_merged_file_holds_every_value(tribune, replicated, tmp_path):
    out = tmp_path / "t.csv"
    tribune("export", replicated / "mf.h5", "-o", out, check=0)
    df = pd.read_csv(out, float_precision="round_trip")  # pandas' default parser may be 1 ulp off
    assert list(df.columns[:6]) == ["run", "point", "replicate", "seed", "status", "tick"]
    assert len(df) == 3 * 12
    with h5py.File(replicated / "mf.h5") as f:
        for name in ("protesters", "hope_mean", "turnout"):
            want = f[f"timeseries/{name}"][:].ravel()
            got = df[name].to_numpy()
            assert np.array_equal(np.isnan(want), np.isnan(got)), name  # missing values are empty cells
            assert np.array_equal(want[~np.isnan(want)], got[~np.isnan(got)]), name  # shortest round-trip text


def test_export_of_a_run_by_district_and_its_events(tribune, replicated, tmp_path):
    run = replicated / "mf.runs" / "runs" / "run-000001.h5"
    text = tribune("export", run, "--level", "district", check=0).stdout  # stdout by default
    rows = list(csv.DictReader(io.StringIO(text)))
    with h5py.File(run) as f:
        names = [n.decode() if isinstance(n, bytes) else n for n in f["districts/district_name"][:]]
        hope = f["districts/hope_mean"][:]
    assert len(rows) == hope.size and rows[0]["district"] == names[0] and rows[0]["seed"] == "41"
    assert float(rows[1]["hope_mean"]) == hope[0, 1]
    ev = pd.read_csv(io.StringIO(tribune("export", run, "--events", "timeline", check=0).stdout))
    assert list(ev.columns) == ["tick", "kind", "magnitude", "detail"]
    p = tribune("export", run, "--events", "nonesuch")
    assert p.returncode == 2 and "no event table 'nonesuch'" in p.stderr
    p = tribune("export", run, "--level", "galaxy")
    assert p.returncode == 2 and "one of city, district" in p.stderr
    assert not list(tmp_path.iterdir())  # nothing half-written
