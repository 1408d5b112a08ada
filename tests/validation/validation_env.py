"""Paths and a runner for the validation tier: each test runs a scenario of
scenarios/validation/ through the command line, as a user would, and reads the output."""
import os
import pathlib
import subprocess

import h5py

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios" / "validation"
TRIBUNE = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))


def run(scenario, out, *sets, seed=None):
    """Run scenarios/validation/<scenario>.yaml to `out` with --set overrides; the city series."""
    cmd = [TRIBUNE, "run", str(SCENARIOS / f"{scenario}.yaml"), "-q", "-o", str(out)]
    for s in sets:
        cmd += ["--set", s]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}"
    with h5py.File(out, "r") as f:
        return {k: f["timeseries"][k][()] for k in f["timeseries"]}
