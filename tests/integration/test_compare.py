"""`tribune compare`: scenarios over the same seeds, headline outcomes, paired differences.

Small worlds (2,000 residents, 52 weeks) so that the whole file runs in well under a minute.
The statistics printed by the command (C++: mean, 5-95% interval, paired t interval) are
checked against tribune_analysis's own (numpy and scipy) on the same numbers, to 1e-9."""
import json
import math
import subprocess
import sys

import h5py
import numpy as np
import pytest

from integration_env import ROOT

sys.path.insert(0, str(ROOT / "analysis"))
import tribune_analysis as ta  # noqa: E402

TRIBUNE = str(ROOT / "build" / "release" / "tribune")
A, B = ROOT / "scenarios" / "movement_first.yaml", ROOT / "scenarios" / "class_struggle_election.yaml"
SMALL = ["--set", "world.persons=2000", "--set", "horizon_weeks=52"]


def compare(*args, cwd=None):
    return subprocess.run([TRIBUNE, "compare", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare")
    p = compare(A, B, "--replicates", 3, *SMALL, "-o", out / "pair.h5", "--jobs", 2, "-q", "--json",
                "--csv", out / "pair.csv")
    assert p.returncode == 0, p.stderr
    return out, json.loads(p.stdout)


def test_every_scenario_runs_the_same_seeds(pair):
    out, js = pair
    assert js["seeds"] == [1, 2, 3]
    for k, name in enumerate(["movement_first", "class_struggle_election"]):
        for r in range(3):
            with h5py.File(out / "pair.runs" / f"{k}-{name}" / "runs" / f"run-{r:06d}.h5") as f:
                assert f.attrs["seed"] == r + 1


def test_the_merged_file_holds_what_the_runs_hold(pair):
    out, _ = pair
    ds = ta.headlines.open_comparison(out / "pair.h5")
    assert dict(ds.sizes) == {"scenario": 2, "point": 1, "replicate": 3}
    assert list(ds.success.values) == ["reform_depth", "seats_backed"]
    run = ta.headlines.read(out / "pair.runs" / "1-class_struggle_election" / "runs" / "run-000002.h5")
    for h, v in run.items():
        assert ds[h].values[1, 0, 2] == v or (math.isnan(v) and math.isnan(ds[h].values[1, 0, 2]))


def test_a_compare_run_is_the_run_tribune_run_makes(pair, tmp_path):
    """Replicate r of a comparison is `tribune run` with seed SEED + r and replicate r."""
    out, _ = pair
    p = subprocess.run([TRIBUNE, "run", str(A), "--seed", "2", "--set", "replicate=1", *SMALL, "-q", "-o", str(tmp_path / "alone.h5")],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    alone = ta.headlines.read(tmp_path / "alone.h5")
    inside = ta.headlines.read(out / "pair.runs" / "0-movement_first" / "runs" / "run-000001.h5")
    assert alone.equals(inside)


def test_headlines_follow_their_definitions(pair):
    """members_per_1000 is the first organization's members per 1,000 residents at the end, and
    strikes_won the sum of the weekly series, as declared."""
    out, _ = pair
    path = out / "pair.runs" / "0-movement_first" / "runs" / "run-000000.h5"
    h = ta.headlines.read(path)
    with h5py.File(path) as f:
        members = f["organizations/members"][-1, 0]
        persons = f.attrs["persons"]
        strikes = np.nansum(f["timeseries/strikes_won"][()])
    assert h["members_per_1000"] == pytest.approx(1000 * members / persons, rel=1e-12)
    assert h["strikes_won"] == pytest.approx(strikes, rel=1e-12)


def test_the_printed_statistics_match_the_analysis_package(pair):
    out, js = pair
    ds = ta.headlines.open_comparison(out / "pair.h5")
    summary = ta.headlines.summarize(ds).set_index(["scenario", "headline"])
    for s in js["scenarios"]:
        for h, o in s["outcomes"][0].items():
            row = summary.loc[(s["name"], h)]
            for key, col in (("mean", "mean"), ("lo90", "lo"), ("hi90", "hi")):
                if o[key] is None:
                    assert math.isnan(row[col])
                else:
                    assert o[key] == pytest.approx(row[col], abs=1e-9)
    diff = ta.headlines.differences(ds, "movement_first", "class_struggle_election").set_index("headline")
    for d in js["differences"]:
        row = diff.loc[d["headline"]]
        assert d["beyond_noise"] == bool(row["beyond_noise"])
        for key, col in (("mean", "mean"), ("lo95", "lo"), ("hi95", "hi")):
            if d[key] is None:
                assert math.isnan(row[col])
            else:
                assert d[key] == pytest.approx(row[col], abs=1e-9)
    rows = (out / "pair.csv").read_text().splitlines()
    assert len(rows) == 1 + 2 * 12 + 12 and rows[0].startswith("kind,scenario,other,point,headline")


def test_the_same_command_again_resumes_and_reproduces(pair):
    out, js = pair
    p = compare(A, B, "--replicates", 3, *SMALL, "-o", out / "pair.h5", "-q", "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == js


def test_the_table_marks_the_essays_success_and_the_differences(tmp_path):
    p = compare(A, B, "--replicates", 2, *SMALL, "-o", tmp_path / "t.h5", "-q")
    assert p.returncode == 0, p.stderr
    assert "paired difference [95% confidence interval]" in p.stdout
    assert any(line.startswith("seats_backed") and line.rstrip().endswith("<") for line in p.stdout.splitlines())


def test_an_experiment_runs_its_design_on_every_scenario(tmp_path):
    exp = tmp_path / "exp.yaml"
    exp.write_text(f"""name: tiny
question: does friction matter?
scenarios: [{A}, {B}]
replicates: 2
seed: 5
set: ["world.persons=2000", "horizon_weeks=26"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.legislation.translation_friction, values: [0.1, 0.9]}}
  - {{path: mechanisms.legislation.threshold_mean, values: [0.2]}}
positions:
  - {{label: Smith, x_min: 0.8, x_max: 1, y_min: 0, y_max: 1}}
""")
    p = compare(exp, "-o", tmp_path / "tiny.h5", "-q", "--jobs", 2)
    assert p.returncode == 0, p.stderr
    assert "2 design points x 2 replicates (seeds 5..6)" in p.stdout
    ds = ta.headlines.open_comparison(tmp_path / "tiny.h5")
    assert dict(ds.sizes) == {"scenario": 2, "point": 2, "replicate": 2}
    assert ds.attrs["swept"] == ["mechanisms.legislation.translation_friction", "mechanisms.legislation.threshold_mean"]
    assert list(ds["mechanisms.legislation.translation_friction"].values) == [0.1, 0.9]
    assert ta.regimes.positions(ds)[0]["label"] == "Smith"
    share = ta.regimes.share_higher(ds, "seats_backed")
    assert share.shape == (2,) and np.all((share >= 0) & (share <= 1))


def test_submit_writes_one_array_per_scenario(tmp_path):
    p = compare(A, B, "--replicates", 2, *SMALL, "-o", tmp_path / "s.h5", "--submit", "--dry-run")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "s.runs" / "0-movement_first" / "submit.sbatch").exists()
    assert (tmp_path / "s.runs" / "1-class_struggle_election" / "submit.sbatch").exists()
    assert not (tmp_path / "s.h5").exists()


@pytest.mark.parametrize("args,phrase", [
    ([A], "two or more scenario files"),
    ([A, ROOT / "nope.yaml"], "no such scenario file"),
    ([A, A], "already in the comparison"),
    ([A, B, "--replicates", "1"], "--replicates"),
    ([A, B, "--set", "success=victory"], "not a headline outcome"),
])
def test_bad_input_is_refused_with_exit_2(tmp_path, args, phrase):
    p = compare(*args, "-o", tmp_path / "x.h5")
    assert p.returncode == 2, p.stdout + p.stderr
    assert phrase in p.stderr
    assert not (tmp_path / "x.h5").exists()


def test_a_bad_experiment_is_located(tmp_path):
    exp = tmp_path / "bad.yaml"
    exp.write_text(f"name: bad\nscenarios: [{A}, {B}]\nreplicates: 2\ndesign: {{kind: factorial}}\n"
                   "parameters:\n  - {path: mechanisms.nothing.here, values: [1]}\n")
    p = compare(exp, "-o", tmp_path / "x.h5")
    assert p.returncode == 2
    assert "mechanisms.nothing.here" in p.stderr and ":6:" in p.stderr


def test_a_world_without_organizations_has_no_organization_headlines(tmp_path):
    """The Granovetter crowd has no organization: its headlines about one are NaN, the rest defined."""
    p = subprocess.run([TRIBUNE, "run", str(ROOT / "scenarios" / "validation" / "granovetter_riot.yaml"), "-q", "-o",
                        str(tmp_path / "riot.h5")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    h = ta.headlines.read(tmp_path / "riot.h5")
    for name in ("members_per_1000", "cadre_per_1000", "seats_backed", "seats_accountable", "officeholder_drift"):
        assert math.isnan(h[name]), name
    assert h["reforms_passed"] == 0 and not math.isnan(h["hope"])
