"""`tribune schema` (scenarios, `extends:` included) and `tribune schema --sweep` describe the
files tribune reads: every shipped scenario and sweep validates against them (Debian's
python3-jsonschema), and files the reader refuses are refused by the schema too."""
import json

import jsonschema
import pytest
import yaml

from integration_env import ROOT

SCENARIOS = sorted(p for p in (ROOT / "scenarios").rglob("*.yaml") if p.name != "targets.yaml")
EXPERIMENTS = [p for p in SCENARIOS if "\nscenarios:" in p.read_text()]
SWEEPS = [p for p in SCENARIOS if "parameters:" in p.read_text() and "design:" in p.read_text() and p not in EXPERIMENTS]
SCENARIOS = [p for p in SCENARIOS if p not in SWEEPS and p not in EXPERIMENTS]
SWEEPS += [ROOT / "benchmarks" / "sweep_small.yaml"]


@pytest.fixture(scope="module")
def scenario_schema(tribune):
    s = json.loads(tribune("schema", check=0).stdout)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


@pytest.fixture(scope="module")
def sweep_schema(tribune):
    s = json.loads(tribune("schema", "--sweep", check=0).stdout)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


@pytest.mark.parametrize("path", SCENARIOS, ids=[str(p.relative_to(ROOT)) for p in SCENARIOS])
def test_every_shipped_scenario_validates(scenario_schema, path):
    errors = [e.message for e in scenario_schema.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize("path", SWEEPS, ids=[str(p.relative_to(ROOT)) for p in SWEEPS])
def test_every_shipped_sweep_validates(sweep_schema, path):
    errors = [e.message for e in sweep_schema.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


@pytest.mark.parametrize("path", EXPERIMENTS, ids=[str(p.relative_to(ROOT)) for p in EXPERIMENTS])
def test_every_shipped_experiment_validates(tribune, path):
    s = json.loads(tribune("schema", "--experiment", check=0).stdout)
    jsonschema.Draft202012Validator.check_schema(s)
    v = jsonschema.Draft202012Validator(s)
    assert [e.message for e in v.iter_errors(yaml.safe_load(path.read_text()))] == []
    assert not v.is_valid(dict(yaml.safe_load(path.read_text()), scenario="x.yaml"))  # unknown key


def test_the_schema_refuses_what_the_reader_refuses(scenario_schema, sweep_schema):
    base = yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
    assert scenario_schema.is_valid(base)
    bad = dict(base, mechanisms={"opinion": {"epsilom": 0.3}})  # unknown key
    assert not scenario_schema.is_valid(bad)
    no_world = {k: v for k, v in base.items() if k != "world"}  # a complete file needs its world
    assert not scenario_schema.is_valid(no_world)
    # ... but a file that extends another may leave it to its parent, not misspell it.
    assert scenario_schema.is_valid({"extends": "city.yaml", "name": "x"})
    assert not scenario_schema.is_valid({"extends": "city.yaml", "wrld": {}})
    # List entries are whole even in an extending file (lists replace): an organization needs a name.
    assert not scenario_schema.is_valid({"extends": "city.yaml", "organizations": [{"platform": -0.5}]})
    assert not sweep_schema.is_valid({"name": "s", "scenario": "b.yaml"})  # no design, no parameters
