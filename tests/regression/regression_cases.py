"""The regression tier's machinery, shared by its test and its regeneration script.

A case (cases.yaml) is a scenario and a list of seeds. Running it gives, for every summary
statistic (tribune_analysis.summary_statistics), one value per seed; the golden file keeps their
mean, standard deviation and the values themselves.

Tolerance: a rerun's mean over the same seeds must lie within
    max(ABSOLUTE_FLOOR * max(1, |golden mean|), K_SE * sd / sqrt(n))
of the golden mean. The same build gives bit-identical runs, so a refactor passes with a
difference of 0; a build that rounds differently (another compiler, other flags) moves the
statistics by far less than the seed-to-seed noise and passes; a change of the model that moves a
statistic by more than K_SE standard errors of its seed mean fails, and must be regenerated on
purpose. A statistic equal in every seed (sd 0) must match to ABSOLUTE_FLOOR.
"""
from __future__ import annotations

import math
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "analysis"))  # importable without installing

from tribune_analysis import summary_statistics  # noqa: E402

TRIBUNE = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))
K_SE = 4.0
ABSOLUTE_FLOOR = 1e-9


def cases():
    return yaml.safe_load((HERE / "cases.yaml").read_text())["cases"]


def golden_path(name):
    return HERE / "golden" / f"{name}.yaml"


def run_case(case, threads=2):
    """Per statistic, the list of values over the case's seeds."""
    values: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in case["seeds"]:
            out = pathlib.Path(tmp) / f"{case['name']}-{seed}.h5"
            cmd = [TRIBUNE, "run", case["scenario"], "-q", "-o", str(out), "--seed", str(seed),
                   "--threads", str(threads), *sum((["--set", s] for s in case.get("set", [])), [])]
            p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if p.returncode != 0:
                raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
            for k, v in summary_statistics(out).items():
                values.setdefault(k, []).append(v)
    return values


def describe(values):
    """Mean, sd (n - 1) and the values of each statistic, as written to a golden file."""
    out = {}
    for k, vs in values.items():
        finite = [v for v in vs if not math.isnan(v)]
        n = len(finite)
        mean = sum(finite) / n if n else float("nan")
        sd = math.sqrt(sum((v - mean) ** 2 for v in finite) / (n - 1)) if n > 1 else 0.0
        out[k] = {"mean": mean, "sd": sd, "values": vs}
    return out


def tolerance(golden_stat, n):
    return max(ABSOLUTE_FLOOR * max(1.0, abs(golden_stat["mean"])), K_SE * golden_stat["sd"] / math.sqrt(n))


def compare(golden, fresh):
    """Problems (one line each) between a golden file's statistics and a fresh description."""
    problems = []
    for k in sorted(set(golden) | set(fresh)):
        if k not in fresh:
            problems.append(f"{k}: in the golden file, not in the run")
            continue
        if k not in golden:
            problems.append(f"{k}: new statistic, not in the golden file (regenerate)")
            continue
        g, f = golden[k], fresh[k]
        if math.isnan(g["mean"]) or math.isnan(f["mean"]):
            if math.isnan(g["mean"]) != math.isnan(f["mean"]):
                problems.append(f"{k}: golden {g['mean']}, now {f['mean']}")
            continue
        tol = tolerance(g, len(g["values"]))
        if abs(f["mean"] - g["mean"]) > tol:
            problems.append(f"{k}: golden mean {g['mean']:.6g} (sd {g['sd']:.3g}), now {f['mean']:.6g}; "
                            f"|difference| {abs(f['mean'] - g['mean']):.3g} > tolerance {tol:.3g}")
    return problems
