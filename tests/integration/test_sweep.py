"""Sweeps on this machine: bad sweep files, bit-identical results against single runs, fault
injection, status, resume and merge."""
import csv
import os

import h5py
import numpy as np
import pytest

from integration_env import DATA, ROOT

BAD = DATA / "bad_sweeps"
with open(BAD / "expected.tsv") as f:
    BAD_SWEEPS = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]

SMALL = """name: small
scenario: {base}
replicates: 2
set: ["world.persons=2000", "horizon_weeks=16"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.legislation.translation_friction, values: [0.1, 0.9]}}
  - {{path: mechanisms.mobilization.police_per_1000, min: 1, max: 5, steps: 2}}
"""
GROUPS = ("timeseries", "districts", "organizations", "unions")
SCALES = {"tick", "district", "district_name", "org", "org_name", "union", "union_name"}


def write_sweep(tmp_path, text=SMALL):
    path = tmp_path / "small.yaml"
    path.write_text(text.format(base=ROOT / "scenarios" / "baseline.yaml"))
    return path


def same_bits(a, b):
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def test_bad_sweep_corpus_is_described():
    assert sorted(r[0] for r in BAD_SWEEPS) == sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(BAD_SWEEPS) >= 15


@pytest.mark.parametrize("name,location,phrase", BAD_SWEEPS, ids=[r[0] for r in BAD_SWEEPS])
def test_bad_sweep(tribune, tmp_path, name, location, phrase):
    out = tmp_path / "dir"
    for cmd in (["sweep", "plan", name, "--no-probe", "-o", tmp_path / "t.tsv"],
                ["sweep", "run", name, "-o", out],
                ["sweep", "submit", name, "-o", out, "--dry-run"]):
        p = tribune(*cmd, cwd=BAD)
        assert p.returncode == 2, p.stderr
        first = p.stderr.splitlines()[0]
        assert first.startswith(f"error: {location}: "), first
        assert phrase in first
    assert list(tmp_path.iterdir()) == []  # no run table, no sweep directory


def test_plan_prints_runs_and_writes_the_table(tribune, tmp_path):
    sweep = write_sweep(tmp_path)
    p = tribune("sweep", "plan", sweep, "-o", tmp_path / "runs.tsv", check=0)
    assert "4 points x 2 replicates = 8 runs" in p.stdout
    assert "estimated cost" in p.stdout
    rows = list(csv.reader(open(tmp_path / "runs.tsv"), delimiter="\t"))
    assert rows[0][:4] == ["run", "point", "replicate", "seed"]
    assert len(rows) == 9
    # Common random numbers: replicate r has the same seed at every point.
    seeds = {(r[2], r[3]) for r in rows[1:]}
    assert len(seeds) == 2


def test_plan_without_output_writes_nothing(tribune, tmp_path):
    # The run table lands only where -o asks; the current directory stays as it was.
    sweep = write_sweep(tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    before = sorted(x.name for x in tmp_path.iterdir())
    p = tribune("sweep", "plan", sweep, "--no-probe", cwd=work, check=0)
    assert "8 runs" in p.stdout
    assert "run table" not in p.stdout
    assert list(work.iterdir()) == []
    assert sorted(x.name for x in tmp_path.iterdir()) == before


def test_list_entries_can_be_swept(tribune, tmp_path):
    # Organizations, offices and timeline events are reached by name (or index, or kind) in a
    # sweep as in --set; a name that does not exist is a located error.
    text = """name: entries
scenario: {base}
set: ["world.persons=2000", "horizon_weeks=8"]
design: {{kind: factorial}}
parameters:
  - {{path: organizations.left_org.endorsement_stringency, values: [0.1, 0.9]}}
  - {{path: offices.mayor.rule, values: [plurality, irv]}}
  - {{path: timeline.legitimacy_shift.delta, values: [-0.1, -0.3]}}
"""
    sweep = write_sweep(tmp_path, text)
    p = tribune("sweep", "plan", sweep, "--no-probe", "-o", tmp_path / "runs.tsv", check=0)
    assert "8 points x 1 replicates = 8 runs" in p.stdout
    rows = list(csv.reader(open(tmp_path / "runs.tsv"), delimiter="\t"))
    assert rows[0][4:] == ["organizations.left_org.endorsement_stringency", "offices.mayor.rule",
                          "timeline.legitimacy_shift.delta"]
    sweep.write_text(sweep.read_text().replace("organizations.left_org.", "organizations.left_orgg."))
    p = tribune("sweep", "plan", sweep, "--no-probe", check=2)
    assert "has no entry named 'left_orgg' (did you mean 'left_org'?)" in p.stderr


@pytest.fixture(scope="module")
def local_sweep(tribune, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sweep")
    sweep = write_sweep(tmp)
    tribune("sweep", "run", sweep, "-o", tmp / "dir", "--jobs", "2", check=0)
    tribune("sweep", "merge", tmp / "dir", "-o", tmp / "merged.h5", check=0)
    return tmp


def test_local_sweep_equals_single_runs_bit_for_bit(tribune, local_sweep, tmp_path):
    merged = h5py.File(local_sweep / "merged.h5")
    table = merged["runs"]  # a group of columns over the dimension `run`
    runs = [{k: table[k][i] for k in table} for i in range(len(table["run"]))]
    assert merged.attrs["complete"] == 1 and len(runs) == 8
    for row in runs:
        one = tmp_path / f"run{row['run']}.h5"
        tribune("run", "scenarios/baseline.yaml", "-q", "-o", one, "--seed", row["seed"],
                "--set", "world.persons=2000", "--set", "horizon_weeks=16",
                "--set", f"replicate={row['replicate']}",
                "--set", f"mechanisms.legislation.translation_friction={row['mechanisms.legislation.translation_friction']!r}",
                "--set", f"mechanisms.mobilization.police_per_1000={row['mechanisms.mobilization.police_per_1000']!r}",
                check=0)
        with h5py.File(one) as f:
            compared = 0
            for g in GROUPS:
                for name in f[g]:
                    if name in SCALES:
                        continue
                    assert same_bits(merged[g][name][row["run"]], f[g][name][:]), (row["run"], g, name)
                    compared += 1
            assert compared > 60


def test_merged_file_has_named_dimensions_and_coordinates(local_sweep):
    xr = pytest.importorskip("xarray")
    ds = xr.open_dataset(local_sweep / "merged.h5", group="districts", engine="h5netcdf")
    assert ds["hope_mean"].dims == ("run", "tick", "district")
    assert ds.sizes["run"] == 8 and ds.sizes["tick"] == 16
    assert list(ds["mechanisms.legislation.translation_friction"].values) == [0.1] * 4 + [0.9] * 4
    assert ds["hope_mean"].attrs["units"] == "1" and list(ds["hope_mean"].attrs["valid_range"]) == [0.0, 1.0]
    ts = xr.open_dataset(local_sweep / "merged.h5", group="timeseries", engine="h5netcdf")
    assert ts["protesters"].dims == ("run", "tick")
    assert set(ts["seed"].values) == {20251104, 20251105}


def test_failure_status_resume_and_merge(tribune, tmp_path):
    sweep = write_sweep(tmp_path)
    d = tmp_path / "dir"
    env = dict(os.environ, TRIBUNE_SWEEP_FAIL_RUNS="3,6")
    p = tribune("sweep", "run", sweep, "-o", d, "--jobs", "2", env=env)
    assert p.returncode == 1 and "2 runs failed" in p.stderr
    s = tribune("sweep", "status", d, check=1).stdout  # exit 1: not every run is done
    assert "6 done, 2 failed, 0 running, 0 missing" in s
    assert "run 3: fault injected" in s and "run 6: fault injected" in s
    # An incomplete sweep is not merged unless asked, and then its missing rows are NaN.
    p = tribune("sweep", "merge", d, "-o", tmp_path / "m.h5")
    assert p.returncode == 1 and "6 of 8 runs done" in p.stderr and not (tmp_path / "m.h5").exists()
    assert "runs 3 (failed), 6 (failed)" in p.stderr
    tribune("sweep", "merge", d, "-o", tmp_path / "m.h5", "--allow-partial", check=0)
    with h5py.File(tmp_path / "m.h5") as f:
        assert f.attrs["complete"] == 0
        assert np.isnan(f["timeseries/hope_mean"][3]).all() and not np.isnan(f["timeseries/hope_mean"][2]).any()
        assert [s.decode() for s in f["runs"]["status"]][3] == "failed"
    # Delete one finished run as well: the resumed sweep redoes exactly the three that are not done.
    (d / "runs" / "run-000005.h5").unlink()
    before = {p.name: p.stat().st_mtime_ns for p in (d / "runs").glob("*.h5")}
    p = tribune("sweep", "run", sweep, "-o", d, "--jobs", "2", check=0)
    assert "3 runs done now (0 continued from checkpoints), 5 already done, 0 failed" in p.stdout
    after = {p.name: p.stat().st_mtime_ns for p in (d / "runs").glob("*.h5")}
    assert all(after[k] == v for k, v in before.items())  # nothing done was redone
    assert sorted(after) == [f"run-{i:06d}.h5" for i in range(8)]
    assert not list((d / "runs").glob("*.failed"))
    assert "8 done, 0 failed" in tribune("sweep", "status", d, check=0).stdout  # exit 0: all done
    tribune("sweep", "merge", d, "-o", tmp_path / "full.h5", check=0)
    with h5py.File(tmp_path / "full.h5") as f:
        assert f.attrs["complete"] == 1 and not np.isnan(f["timeseries/hope_mean"][:]).any()


def test_a_directory_holds_one_sweep(tribune, tmp_path):
    sweep = write_sweep(tmp_path)
    tribune("sweep", "run", sweep, "-o", tmp_path / "dir", "-q", check=0)
    other = write_sweep(tmp_path, SMALL.replace("replicates: 2", "replicates: 3"))
    p = tribune("sweep", "run", other, "-o", tmp_path / "dir")
    assert p.returncode == 2 and "holds another sweep" in p.stderr


def test_submit_dry_run_writes_an_editable_script(tribune, tmp_path):
    sweep = write_sweep(tmp_path)
    p = tribune("sweep", "submit", sweep, "-o", tmp_path / "dir", "--dry-run", "--runs-per-task", "3",
                "--max-parallel", "2", "--partition", "debug", "--time", "00:10:00", check=0)
    script = (tmp_path / "dir" / "submit.sbatch").read_text()
    assert "#SBATCH --array=0-2%2" in script
    assert "#SBATCH --partition=debug" in script and "#SBATCH --time=00:10:00" in script
    assert "--runs-per-task 3" in script and "$SLURM_ARRAY_TASK_ID" in script
    assert "not submitted" in p.stdout


def test_submit_keeps_the_users_slurm_options_on_resume(tribune, tmp_path):
    """--sbatch-arg lines, --partition, --time and the throttle survive `submit --resume`, and so
    do #SBATCH lines a user added to submit.sbatch by hand; options tribune writes itself are
    refused with exit 2."""
    sweep = write_sweep(tmp_path)
    d = tmp_path / "dir"
    tribune("sweep", "submit", sweep, "-o", d, "--dry-run", "--partition", "debug", "--time", "00:10:00",
            "--max-parallel", "3", "--sbatch-arg=--account=lab", "--sbatch-arg", "--mem=2G", check=0)
    script = (d / "submit.sbatch").read_text()
    assert "#SBATCH --account=lab" in script and "#SBATCH --mem=2G" in script and "%3" in script
    (d / "submit.sbatch").write_text(script.replace("#SBATCH --mem=2G\n", "#SBATCH --mem=2G\n#SBATCH --qos=long\n"))
    p = tribune("sweep", "submit", "--resume", d, "--dry-run", "--time", "00:20:00", check=0)
    assert "keeping        #SBATCH --qos=long" in p.stdout
    again = (d / "submit.sbatch").read_text()
    for line in ("#SBATCH --account=lab", "#SBATCH --mem=2G", "#SBATCH --qos=long", "#SBATCH --partition=debug",
                 "#SBATCH --time=00:20:00"):  # the new --time overrides the kept one
        assert line in again, line
    assert "#SBATCH --time=00:10:00" not in again and "%3" in again
    for bad, why in (("--array=0-3", "written by tribune"), ("--partition=x", "--partition"), ("account=lab", "starts with")):
        p = tribune("sweep", "submit", "--resume", d, "--dry-run", f"--sbatch-arg={bad}")
        assert p.returncode == 2 and why in p.stderr, p.stderr
    p = tribune("sweep", "submit", "--resume", d, "--dry-run", "--merge", check=0)
    merge = (d / "merge.sbatch").read_text()
    assert "sweep merge" in merge and "#SBATCH --account=lab" in merge and str(d / "small.h5") in merge
