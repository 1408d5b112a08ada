"""The command line: help, version, exit codes, stdout/stderr conventions, progress."""
import json
import re

import pytest

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
    assert "complete         1" in p.stdout
    assert "/timeseries" in p.stdout and "hope_mean" in p.stdout
    for group in ("/organizations", "/unions", "/parties", "/events/elections", "/headlines", "/snapshots"):
        assert f"\n{group}" in p.stdout, group
    bad = tribune("info", ROOT / "README.md")
    assert bad.returncode == 2 and "not a tribune output file" in bad.stderr


def test_info_json_lists_what_the_file_holds(tribune, small_run):
    """`info --json` is read from the file: every group and dataset h5py sees is in it, with its
    shape; nothing is listed by hand."""
    import json
    import h5py
    js = json.loads(tribune("info", small_run, "--json", check=0).stdout)
    listed = {g["path"]: {v["name"]: v for v in g["variables"]} for g in js["groups"]}
    seen_groups, seen_vars = {"/"}, {}
    with h5py.File(small_run) as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Group):
                seen_groups.add("/" + name)
            else:
                parent = "/" + name.rsplit("/", 1)[0] if "/" in name else "/"
                seen_vars.setdefault(parent, {})[name.rsplit("/", 1)[-1]] = list(obj.shape)
        f.visititems(visit)
        assert js["attributes"]["seed"] == f.attrs["seed"]
    assert set(listed) == seen_groups
    for g, variables in seen_vars.items():
        assert {k: v["shape"] for k, v in listed[g].items()} == variables, g
    hope = listed["/timeseries"]["hope_mean"]
    assert hope["unit"] == "[0, 1]" and hope["attributes"]["units"] == "1" and hope["type"] == "float64"


def test_the_ties_counts_agree(tribune, tmp_path):
    p = tribune("run", "scenarios/baseline.yaml", "--set", "world.persons=3000", "-o", tmp_path / "r.h5", check=0)
    built = re.search(r"world built in [0-9.]+ s \(([0-9]+) ties", p.stderr).group(1)
    summary = re.search(r"persons +3000 in 8 districts, ([0-9]+) ties", p.stdout).group(1)
    assert built == summary


@pytest.mark.parametrize("scenario", sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml")))
def test_the_resolved_scenario_round_trips_through_pyyaml(tribune, tmp_path, scenario):
    """The resolved scenario a run file holds reads the same in PyYAML (YAML 1.1) as in tribune
    (yaml-cpp, YAML 1.2): no number comes back as a string ('5e-04' did), and PyYAML's own dump of
    it resolves to the same text."""
    import h5py
    import yaml
    tribune("run", f"scenarios/{scenario}", "--set", "world.persons=500", "--set", "horizon_weeks=1", "-q",
            "-o", tmp_path / "a.h5", check=0)
    with h5py.File(tmp_path / "a.h5") as f:
        text = f["scenario"][()].decode()
    doc = yaml.safe_load(text)
    number = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")

    def strings(x, at=""):
        if isinstance(x, dict):
            for k, v in x.items():
                yield from strings(v, f"{at}.{k}")
        elif isinstance(x, list):
            for i, v in enumerate(x):
                yield from strings(v, f"{at}[{i}]")
        elif isinstance(x, str):
            yield at, x
    looks_numeric = [(at, s) for at, s in strings(doc) if number.match(s)]
    assert looks_numeric == [], f"PyYAML reads these numbers as strings: {looks_numeric[:5]}"
    again = tmp_path / "again.yaml"
    again.write_text(yaml.safe_dump(doc, sort_keys=False))
    tribune("run", again, "-q", "-o", tmp_path / "b.h5", check=0)
    with h5py.File(tmp_path / "b.h5") as f:
        assert f["scenario"][()].decode() == text
