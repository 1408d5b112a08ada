"""Malformed scenarios and overrides: exit code 2, a located message, no output file."""
import csv
import pathlib

import pytest

from integration_env import DATA

BAD = DATA / "bad_scenarios"


def table(path):
    with open(path, newline="") as f:
        return [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]


SCENARIOS = table(BAD / "expected.tsv")
SETS = table(DATA / "bad_sets.tsv")


def test_corpus_is_large_and_fully_described():
    files = sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(files) >= 30
    assert sorted(r[0] for r in SCENARIOS) == files


@pytest.mark.parametrize("name,location,phrase", SCENARIOS, ids=[r[0] for r in SCENARIOS])
def test_bad_scenario(tribune, tmp_path, name, location, phrase):
    out = tmp_path / "out.h5"
    for cmd in (["validate", name], ["run", name, "-o", out]):
        p = tribune(*cmd, cwd=BAD)
        assert p.returncode == 2, p.stderr
        first = p.stderr.splitlines()[0]
        assert first.startswith(f"error: {location}: "), first
        assert phrase in first
        assert p.stdout == ""
    assert list(tmp_path.iterdir()) == []  # neither out.h5 nor out.h5.partial


@pytest.mark.parametrize("override,location,phrase", SETS, ids=[r[0] for r in SETS])
def test_bad_override(tribune, tmp_path, override, location, phrase):
    out = tmp_path / "out.h5"
    p = tribune("run", "scenarios/baseline.yaml", "-o", out, "--set", override)
    assert p.returncode == 2, p.stderr
    first = p.stderr.splitlines()[0]
    assert first.startswith(f"error: {location}: "), first
    assert phrase in first
    assert list(tmp_path.iterdir()) == []


def test_missing_file(tribune, tmp_path):
    p = tribune("run", tmp_path / "nope.yaml", "-o", tmp_path / "o.h5")
    assert p.returncode == 2 and "cannot read scenario file" in p.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_directory(tribune, tmp_path):
    p = tribune("run", "scenarios/baseline.yaml", "-o", str(tmp_path) + "/")
    assert p.returncode == 2 and "is a directory" in p.stderr
    assert list(tmp_path.iterdir()) == []
