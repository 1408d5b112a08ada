"""The calibration's machinery: the patterns read runs, implausibility is the history-matching
measure, points are kept by it, and the next wave is a sweep file tribune accepts."""
import math
import pathlib

import pandas as pd
import pytest

import tribune_analysis as ta
from analysis_env import ROOT, tribune

TARGETS = ROOT / "scenarios" / "calibration" / "targets.yaml"


@pytest.fixture(scope="module")
def decade(tmp_path_factory):
    out = tmp_path_factory.mktemp("decade") / "decade.h5"
    tribune("run", "scenarios/calibration/city_decade.yaml", "-q", "-o", out, "--set", "world.persons=8000",
            "--set", "horizon_weeks=300")
    return out


def test_every_pattern_reads_a_run(decade):
    values = {name: ta.pattern(name, decade) for name in ta.PATTERNS}
    # The race-only patterns may be undefined here; the city's own must be numbers.
    for name in ("general_turnout_city", "primary_turnout", "union_density_end", "union_density_trend",
                 "strike_rate", "protest_waves", "left_share_change", "ideology_sd_ratio"):
        assert not math.isnan(values[name]), name
    assert 0 < values["general_turnout_city"] < 1
    assert values["protest_waves"] == float((ta.events(decade, "episodes")["scope"] == "city").sum())
    with pytest.raises(KeyError, match="no pattern named"):
        ta.pattern("nope", decade)


def test_strike_rate_is_workers_struck_per_member_per_year(decade):
    s = ta.events(decade, "strikes")
    ds = ta.open_run(decade)
    members = ta.open_run(decade, level="union")["members"].values[0].sum()
    years = ds.sizes["tick"] / 52
    density = ds["union_density"].values
    expected = s["size"].sum() / (density.mean() * members / density[0]) / years
    assert ta.pattern("strike_rate", decade) == pytest.approx(expected)


def test_implausibility_is_distance_in_standard_deviations():
    t = ta.calibrate.Target("x", "primary_turnout", "s", value=0.25, obs_sd=0.03, discrepancy_sd=0.04,
                            calibrate=True, why="", source="")
    # sqrt(0.03^2 + 0.04^2) = 0.05; with replicates' variance 0.01 over 4 runs, sqrt(0.0025 + 0.0025)
    assert t.implausibility(0.35) == pytest.approx(2.0)
    assert t.implausibility(0.35, ensemble_var=0.01, n=4) == pytest.approx(0.1 / math.sqrt(0.005))
    assert t.implausibility(float("nan")) == math.inf


def test_points_are_kept_by_their_largest_or_second_largest_implausibility():
    targets = [ta.calibrate.Target(n, "primary_turnout", "s", 0, 1, 0, True, "", "") for n in ("a", "b", "c")]
    table = pd.DataFrame({"a:I": [1.0, 4.0, 5.0], "b:I": [2.0, 1.0, 4.0], "c:I": [0.5, 2.0, 1.0]})
    assert list(ta.calibrate.kept(table, targets).index) == [0]
    assert list(ta.calibrate.kept(table, targets, second=True).index) == [0, 1]


def test_a_wave_reads_reports_and_writes_the_next(tmp_path):
    wave = tmp_path / "wave.yaml"
    wave.write_text(f"""name: mini
scenario: {ROOT / 'scenarios' / 'calibration' / 'city_decade.yaml'}
replicates: 1
set: ["world.persons=4000", "horizon_weeks=240"]
design: {{kind: lhs, samples: 4, seed: 1}}
parameters:
  - {{path: mechanisms.voting.turnout_base, min: -4, max: -3}}
  - {{path: mechanisms.mobilization.threshold_mean, min: 0.33, max: 0.42}}
""")
    tribune("sweep", "run", wave, "-o", tmp_path / "w", "--jobs", "2")
    targets = ta.calibrate.load_targets(TARGETS)
    table = ta.calibrate.evaluate(targets, [tmp_path / "w"])
    assert len(table) == 4
    assert "general_turnout_city:I" in table and "insurgent_primary_share:I" not in table  # another scenario's
    text = ta.calibrate.report(table, targets)
    assert "| general_turnout_city | yes | 0.22 |" in text
    figures = ta.calibrate.plots(table, targets, tmp_path / "plots")
    assert all(p.stat().st_size > 1000 for p in figures)
    nxt = tmp_path / "next.yaml"
    nxt.write_text(ta.calibrate.next_wave(tmp_path / "w", table, samples=5))
    p = tribune("sweep", "plan", nxt, "--no-probe")
    assert "5 points x 1 replicates = 5 runs" in p.stdout


def test_targets_file_cites_a_source_for_every_target():
    targets = ta.calibrate.load_targets(TARGETS)
    assert len(targets) >= 12
    assert all(len(t.source) > 20 and t.obs_sd > 0 for t in targets)
    assert {t.scenario for t in targets} <= {p.stem for p in (ROOT / "scenarios" / "calibration").glob("*.yaml")}
