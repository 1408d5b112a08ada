"""The engine in-process from Python (analysis/tribune, sim/python/module.cpp): tribune.run gives
the Dataset tribune_analysis.open_run gives for the file `tribune run` writes, bit for bit;
scenario errors are exceptions carrying file, line, column and key."""
import numpy as np
import pytest
import tribune_analysis as ta

from analysis_env import ROOT, tribune as cli

tribune = pytest.importorskip("tribune", reason="the Python module is built by `bash scripts/build.sh release`")

PROVENANCE = {"created", "wall_seconds", "build_seconds", "path", "threads", "scenario_file"}


def same(a, b):
    """Every variable and coordinate equal bit for bit (NaN where NaN), and every attribute but
    the run's provenance of time and place."""
    assert set(a.variables) == set(b.variables)
    for name in a.variables:
        x, y = a[name].values, b[name].values
        if x.dtype.kind == "f":
            assert x.tobytes() == y.tobytes(), name
        else:
            assert np.array_equal(x, y), name
        assert a[name].attrs.keys() == b[name].attrs.keys(), name
    diff = {k for k in a.attrs.keys() | b.attrs.keys() if str(a.attrs.get(k)) != str(b.attrs.get(k))}
    assert diff <= PROVENANCE, diff


@pytest.mark.parametrize("level", ["city", "district", "org"])
def test_run_in_process_is_the_command_line_run(tmp_path, level):
    sets = {"world.persons": 2500, "horizon_weeks": 40, "offices.mayor.rule": "irv"}
    cli("run", "scenarios/nyc_2025.yaml", "--seed", 7, *sum((["--set", f"{k}={v}"] for k, v in sets.items()), []),
        "-q", "-o", tmp_path / "cli.h5")
    want = ta.open_run(tmp_path / "cli.h5", level=level).load()
    got = tribune.run(ROOT / "scenarios" / "nyc_2025.yaml", seed=7, set=sets, level=level)
    same(got, want)
    assert got.attrs["seed"] == 7 and got.sizes["tick"] == 40


def test_threads_and_a_kept_file(tmp_path):
    a = tribune.run(ROOT / "scenarios" / "baseline.yaml", set={"world.persons": 2000, "horizon_weeks": 30}, threads=1)
    b = tribune.run(ROOT / "scenarios" / "baseline.yaml", set={"world.persons": 2000, "horizon_weeks": 30}, threads=2,
                    output=tmp_path / "kept.h5")
    same(a, b)
    assert (tmp_path / "kept.h5").exists() and ta.events(tmp_path / "kept.h5", "timeline").shape[0] >= 1


def test_scenario_errors_are_exceptions_with_their_place(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nhorizon_weeks: 10\nworld:\n  persons: 100\n  districts: [{name: a}]\n"
                   "mechanisms:\n  opinion: {epsilon: -3}\n")
    with pytest.raises(tribune.ScenarioError) as e:
        tribune.run(bad)
    (p,) = e.value.errors
    assert (p.file, p.line, p.column, p.key) == (str(bad), 7, 22, "mechanisms.opinion.epsilon")
    assert "must be in" in p.message and isinstance(e.value, ValueError)
    with pytest.raises(tribune.ScenarioError) as e:
        tribune.run(ROOT / "scenarios" / "baseline.yaml", set={"world.persons": -5, "mechanisms.nonesuch": 1})
    assert [p.key for p in e.value.errors] == ["world.persons", "mechanisms.nonesuch"]
    with pytest.raises(tribune.ScenarioError):
        tribune.run(tmp_path / "missing.yaml")


def test_yaml_text_is_a_scenario():
    ds = tribune.run("name: tiny\nhorizon_weeks: 5\nworld:\n  persons: 300\n  districts: [{name: a}, {name: b}]\n")
    assert ds.sizes["tick"] == 5 and ds.attrs["scenario_name"] == "tiny"
