"""Every shipped scenario is valid, documented, and runs (here shortened and made small)."""
import h5py
import pytest

from integration_env import ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
STRATEGIES = ["class_struggle_election", "movement_first", "organizer_in_chief", "campaign_to_organization",
              "party_surrogate", "cadre_candidate", "cadre_campaign", "milwaukee_1910", "nyc_2025"]


def test_the_essays_strategies_are_shipped():
    names = {p.stem for p in SCENARIOS}
    assert set(STRATEGIES) <= names and {"baseline", "city"} <= names


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_is_valid_and_documented(tribune, path):
    tribune("validate", path, check=0)
    text = path.read_text()
    assert text.startswith("# " + path.stem), "each scenario opens with a comment block naming it"
    if path.stem in STRATEGIES:
        assert "essay 00" in text and "Look at:" in text and "extends: city.yaml" in text


@pytest.mark.parametrize("name", STRATEGIES)
def test_strategy_runs(tribune, tmp_path, name):
    out = tmp_path / f"{name}.h5"
    tribune("run", f"scenarios/{name}.yaml", "-q", "-o", out, "--set", "world.persons=6000",
            "--set", "horizon_weeks=60", check=0)
    with h5py.File(out) as f:
        got = f.attrs["scenario_name"]
        assert f.attrs["complete"] == 1 and (got.decode() if isinstance(got, bytes) else got) == name
        assert len(f["timeseries/tick"]) == 60
