"""The command line: help, version, exit codes, stdout/stderr conventions, progress."""
import json
import re

from integration_env import ROOT


def test_help_and_version(tribune):
    h = tribune("--help", check=0)
    for sub in ("run", "validate", "schema", "reference", "info"):
        assert sub in h.stdout
    v = tribune("--version", check=0)
    assert re.match(r"tribune \d+\.\d+\.\d+ \(", v.stdout)


def test_usage_errors_exit_2(tribune):
    assert tribune().returncode == 2                      # no subcommand
    assert tribune("frobnicate").returncode == 2
    assert tribune("run").returncode == 2                 # missing scenario
    assert tribune("run", "scenarios/baseline.yaml", "--threads", "0").returncode == 2


def test_run_prints_summary_to_stdout_and_progress_to_stderr(tribune, tmp_path):
    out = tmp_path / "b.h5"
    p = tribune("run", "scenarios/baseline.yaml", "-o", out, "--set", "world.persons=2000", check=0)
    assert "ticks run      104 weeks" in p.stdout
    assert "persons        2000" in p.stdout
    assert re.search(r"wall time\s+\d", p.stdout)
    assert "hope" in p.stdout and "union density" in p.stdout
    # Not a terminal: plain periodic lines, about one per 10%.
    lines = [l for l in p.stderr.splitlines() if l.startswith("progress: ")]
    assert 8 <= len(lines) <= 12, p.stderr
    assert "104/104 (100%)" in lines[-1]
    assert out.exists() and not (tmp_path / "b.h5.partial").exists()


def test_quiet_run_and_seed_flag(tribune, tmp_path):
    p = tribune("run", "scenarios/baseline.yaml", "-o", tmp_path / "q.h5", "-q", "--seed", "9",
                "--set", "world.persons=1000", "--set", "horizon_weeks=70", check=0)
    assert p.stderr == ""
    assert "seed 9" in p.stdout


def test_validate(tribune):
    p = tribune("validate", "scenarios/baseline.yaml", check=0)
    assert p.stdout.startswith("ok: scenarios/baseline.yaml")
    assert p.stderr == ""


def test_schema_is_json_and_closed(tribune):
    schema = json.loads(tribune("schema", check=0).stdout)["$defs"]["complete"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"name", "horizon_weeks", "world"}
    eps = schema["properties"]["mechanisms"]["properties"]["opinion"]["properties"]["epsilon"]
    assert eps["minimum"] == 0 and eps["maximum"] == 2 and "default" in eps
    kinds = {v["properties"]["kind"]["const"] for v in schema["properties"]["timeline"]["items"]["oneOf"]}
    assert {"economic_shock", "legitimacy_shift"} <= kinds


def test_committed_reference_is_up_to_date(tribune):
    """docs/scenario_reference.md is generated; regenerate with `tribune reference`."""
    generated = tribune("reference", check=0).stdout
    committed = (ROOT / "docs" / "scenario_reference.md").read_text()
    assert generated == committed, "run: ./build/release/tribune reference > docs/scenario_reference.md"


def test_info(tribune, small_run):
    p = tribune("info", small_run, check=0)
    assert "complete       1" in p.stdout
    assert "/timeseries" in p.stdout and "hope_mean" in p.stdout
    bad = tribune("info", ROOT / "README.md")
    assert bad.returncode == 2 and "not a tribune output file" in bad.stderr
