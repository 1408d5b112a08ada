"""History matching of tribune's defaults against observed patterns (Bower, Goldstein and Vernon
2010; Andrianakis et al. 2015).

A wave is a sweep (`tribune sweep run` or `submit`): a design over the parameters being
calibrated, with replicates. For each design point and target,

    implausibility = |observed - mean over replicates| / sqrt(obs_sd^2 + discrepancy_sd^2 + var / n)

where obs_sd is the observation's uncertainty, discrepancy_sd what the model cannot be expected
to match, and var / n the ensemble variance of the mean over the n replicates. A point is kept
when its largest implausibility over the calibrated targets (or the second largest, with
`second=True`) is under the cutoff (3: Pukelsheim's three-sigma rule). The next wave samples the
region the kept points span; a Gaussian-process emulator (scikit-learn) can screen many candidate
points first and shrink that region to where the emulator expects plausible points.

Patterns need event tables, which stay in the run files, so a wave is read from its sweep
directory (DIR/runs.tsv and DIR/runs/), not from the merged file.

    import tribune_analysis as ta
    targets = ta.calibrate.load_targets("scenarios/calibration/targets.yaml")
    table = ta.calibrate.evaluate(targets, ["out/wave1"])
    kept = ta.calibrate.kept(table, targets)
    print(ta.calibrate.next_wave("out/wave1", kept, samples=60))

or, from the shell: `python3 -m tribune_analysis calibrate TARGETS DIR... --next w2.yaml --report r.md`.
"""
from __future__ import annotations

import csv
import math
import pathlib
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import yaml

from .io import _provenance
from .patterns import PATTERNS


@dataclass
class Target:
    name: str
    pattern: str
    scenario: str
    value: float
    obs_sd: float
    discrepancy_sd: float
    calibrate: bool
    why: str
    source: str

    def sd(self, ensemble_var=0.0, n=1):
        return math.sqrt(self.obs_sd ** 2 + self.discrepancy_sd ** 2 + (ensemble_var / n if n else 0.0))

    def implausibility(self, mean, ensemble_var=0.0, n=1):
        if mean is None or (isinstance(mean, float) and math.isnan(mean)):
            return math.inf
        return abs(self.value - mean) / self.sd(ensemble_var, n)


def load_targets(path) -> list[Target]:
    """Read a targets file (scenarios/calibration/targets.yaml); every pattern must exist."""
    doc = yaml.safe_load(pathlib.Path(path).read_text())
    out = []
    for i, t in enumerate(doc.get("targets", [])):
        missing = [k for k in ("name", "pattern", "scenario", "value", "obs_sd", "source") if k not in t]
        if missing:
            raise ValueError(f"{path}: targets[{i}]: missing {', '.join(missing)}")
        if t["pattern"] not in PATTERNS:
            raise ValueError(f"{path}: targets[{i}].pattern: no pattern named {t['pattern']!r}; "
                             f"patterns: {', '.join(PATTERNS)}")
        out.append(Target(t["name"], t["pattern"], t["scenario"], float(t["value"]), float(t["obs_sd"]),
                          float(t.get("discrepancy_sd", 0.0)), bool(t.get("calibrate", True)),
                          str(t.get("why", "")), str(t["source"])))
    return out


def read_runs(sweep_dir) -> pd.DataFrame:
    """One row per finished run of a sweep directory: run, point, replicate, seed, each swept
    parameter, the scenario's name and the run file's path."""
    d = pathlib.Path(sweep_dir)
    with open(d / "runs.tsv") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    df = pd.DataFrame(rows)
    for c in ("run", "point", "replicate", "seed"):
        df[c] = df[c].astype(int)
    params = [c for c in df.columns if c not in ("run", "point", "replicate", "seed")]
    for c in params:
        df[c] = pd.to_numeric(df[c], errors="ignore")
    df["path"] = [d / "runs" / f"run-{r:06d}.h5" for r in df["run"]]
    df = df[[p.exists() for p in df["path"]]].copy()
    name = None
    if len(df):
        name = _provenance(df["path"].iloc[0]).get("scenario_name")
    df["scenario"] = name
    df.attrs["parameters"] = params
    return df


def evaluate(targets, sweep_dirs, patterns=None) -> pd.DataFrame:
    """Per design point: its parameter values, and for each target the mean over replicates of
    its pattern, the variance, the number of replicates and the implausibility. Sweep
    directories of different scenarios (the same design run on each) are joined by point."""
    runs = [read_runs(d) for d in sweep_dirs]
    params = runs[0].attrs["parameters"] if runs else []
    points = runs[0][["point"] + params].drop_duplicates("point").set_index("point")
    for df in runs:
        scen = df["scenario"].iloc[0] if len(df) else None
        for t in targets:
            if t.scenario != scen:
                continue
            f = PATTERNS[t.pattern][0]
            vals = pd.Series([f(p) for p in df["path"]], index=df.index)
            g = pd.DataFrame({"point": df["point"], "v": vals}).groupby("point")["v"]
            points[f"{t.name}:mean"] = g.mean()
            points[f"{t.name}:var"] = g.var(ddof=1).fillna(0.0)
            points[f"{t.name}:n"] = g.count()
    for t in targets:
        if f"{t.name}:mean" not in points:
            continue
        points[f"{t.name}:I"] = [t.implausibility(m, v, n) for m, v, n in
                                 zip(points[f"{t.name}:mean"], points[f"{t.name}:var"], points[f"{t.name}:n"])]
    points.attrs["parameters"] = params
    return points


def implausibilities(table, targets, calibrated_only=True) -> pd.DataFrame:
    cols = [f"{t.name}:I" for t in targets if (t.calibrate or not calibrated_only) and f"{t.name}:I" in table]
    return table[cols]


def worst(table, targets, second=False) -> pd.Series:
    """Each point's largest (or second largest) implausibility over the calibrated targets."""
    imp = implausibilities(table, targets).to_numpy()
    if imp.shape[1] == 0:
        return pd.Series(np.zeros(len(table)), index=table.index)
    s = np.sort(imp, axis=1)[:, ::-1]
    k = 1 if second and s.shape[1] > 1 else 0
    return pd.Series(s[:, k], index=table.index)


def kept(table, targets, cutoff=3.0, second=False) -> pd.DataFrame:
    """The points whose largest (or second largest) implausibility is under `cutoff`."""
    return table[worst(table, targets, second) < cutoff]


def _ranges(points, params, expand=0.1, bounds=None):
    out = {}
    for p in params:
        lo, hi = float(points[p].min()), float(points[p].max())
        pad = (hi - lo) * expand if hi > lo else abs(lo) * expand or expand
        lo, hi = lo - pad, hi + pad
        if bounds and p in bounds:
            lo, hi = max(lo, bounds[p][0]), min(hi, bounds[p][1])
        out[p] = (lo, hi)
    return out


def emulate(table, targets, params, candidates=20000, seed=1, cutoff=3.0, second=False):
    """A Gaussian process per target on the point means (scikit-learn, RBF + white noise on the
    parameters scaled to [0, 1]); returns the candidate points (uniform over the table's ranges)
    whose emulated implausibility, its prediction variance added, is under the cutoff."""
    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel

    x = table[params].to_numpy(float)
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = np.where(hi > lo, hi - lo, 1.0)
    rng = np.random.default_rng(seed)
    cand = lo + rng.random((candidates, len(params))) * span
    imps = []
    for t in targets:
        col = f"{t.name}:mean"
        if not t.calibrate or col not in table:
            continue
        y = table[col].to_numpy(float)
        ok = ~np.isnan(y)
        if ok.sum() < 4:
            continue
        kernel = ConstantKernel(1.0) * RBF(np.full(len(params), 0.5)) + WhiteKernel(1e-2)
        gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, random_state=seed)
        with warnings.catch_warnings():  # length scales at their bound: the target ignores that parameter
            warnings.simplefilter("ignore")
            gp.fit((x[ok] - lo) / span, y[ok])
        mu, sd = gp.predict((cand - lo) / span, return_std=True)
        imps.append(np.abs(t.value - mu) / np.sqrt(t.sd() ** 2 + sd ** 2))
    if not imps:
        return pd.DataFrame(cand, columns=params)
    s = np.sort(np.vstack(imps).T, axis=1)[:, ::-1]
    k = 1 if second and s.shape[1] > 1 else 0
    return pd.DataFrame(cand[s[:, k] < cutoff], columns=params)


def emulated_region(candidates, params, bounds=None, lo_q=0.02, hi_q=0.98):
    """The box the emulator's plausible candidates fill: each parameter's 2nd-98th percentiles
    (the extremes of a few thousand uniform draws would give back the whole box)."""
    out = {}
    for p in params:
        lo, hi = float(candidates[p].quantile(lo_q)), float(candidates[p].quantile(hi_q))
        if bounds and p in bounds:
            lo, hi = max(lo, bounds[p][0]), min(hi, bounds[p][1])
        out[p] = (lo, hi)
    return out


def next_wave(sweep_dir, kept_points, samples=60, replicates=None, name=None, expand=0.1, region=None,
              scenario=None, out_path=None) -> str:
    """The next wave's sweep file: the same base scenario and fixed overrides, an LHS design of
    `samples` points over the region `kept_points` span (widened by `expand` of each range, within
    the wave's own bounds; or over `region`, a {parameter: (lo, hi)} map, e.g. from
    `emulated_region`). Each parameter keeps its `scale`. The scenario is `scenario` if given,
    else the wave's (a relative path is rewritten relative to `out_path`, where the file is to be
    written, when it resolves from there; otherwise the sweep directory's resolved copy,
    base.yaml, is named by its absolute path)."""
    d = pathlib.Path(sweep_dir)
    spec = yaml.safe_load((d / "sweep.yaml").read_text())
    params = [p["path"] for p in spec["parameters"]]
    bounds = {p["path"]: (p.get("min", -math.inf), p.get("max", math.inf)) for p in spec["parameters"]}
    scales = {p["path"]: p.get("scale") for p in spec["parameters"]}
    emulated = region is not None
    if region is None:
        if not len(kept_points):
            raise ValueError("no point was kept: widen the cutoff, add replicates, or revisit the targets")
        region = _ranges(kept_points, params, expand, bounds)
    spec["name"] = name or f"{spec['name']}-next"
    spec["design"] = {"kind": "lhs", "samples": int(samples), "seed": int(spec.get("design", {}).get("seed", 1)) + 1}
    if replicates:
        spec["replicates"] = int(replicates)
    spec["parameters"] = []
    for p in params:
        entry = {"path": p, "min": float(f"{region[p][0]:.6g}"), "max": float(f"{region[p][1]:.6g}")}
        if scales[p]:
            entry["scale"] = scales[p]
        spec["parameters"].append(entry)
    spec["scenario"] = _next_scenario(d, spec["scenario"], scenario, out_path)
    header = (f"# Next history-matching wave, written by tribune_analysis.calibrate from {d}:\n"
              f"# LHS over the region of the {len(kept_points)} kept points"
              f"{' (as the emulator narrowed it)' if emulated else ''}.\n")
    return header + yaml.safe_dump(spec, sort_keys=False, default_flow_style=None)


def _next_scenario(sweep_dir, original, scenario, out_path):
    if scenario:
        return str(scenario)
    if pathlib.Path(original).is_absolute():
        return original
    if out_path is not None:
        here = pathlib.Path(out_path).resolve().parent
        if (here / original).exists():
            return original
    return str((sweep_dir / "base.yaml").resolve())


def report(table, targets, cutoff=3.0, second=False, title="History matching") -> str:
    """A Markdown report: the wave's design, how many points were kept, the best point, and per
    target its observed value, the best point's mean and implausibility, and the kept range."""
    params = table.attrs.get("parameters", [])
    w = worst(table, targets, second)
    keep = table[w < cutoff]
    best = w.idxmin() if len(w) else None
    lines = [f"# {title}", "", f"{len(table)} points; kept (the {'second ' if second else ''}largest implausibility "
             f"over the calibrated targets under {cutoff}): {len(keep)}.", ""]
    lines += ["| parameter | wave range | kept range | best point |", "|---|---|---|---|"]
    for p in params:
        kr = f"{keep[p].min():.4g} - {keep[p].max():.4g}" if len(keep) else "none"
        lines.append(f"| `{p}` | {table[p].min():.4g} - {table[p].max():.4g} | {kr} | "
                     f"{table.loc[best, p]:.4g} |" if best is not None else "")
    lines += ["", f"Best point: {best} (largest implausibility {w.min():.2f}).", "",
              "| target | calibrated | observed | best point (mean, sd) | implausibility | kept points' range |",
              "|---|---|---|---|---|---|"]
    for t in targets:
        col = f"{t.name}:mean"
        if col not in table:
            continue
        m, v = table.loc[best, col], table.loc[best, f"{t.name}:var"]
        i = table.loc[best, f"{t.name}:I"]
        kr = f"{keep[col].min():.4g} - {keep[col].max():.4g}" if len(keep) else "none"
        lines.append(f"| {t.name} | {'yes' if t.calibrate else 'no'} | {t.value:.4g} | {m:.4g} ({math.sqrt(v):.2g}) | "
                     f"{i:.2f} | {kr} |")
    return "\n".join(lines) + "\n"


def plots(table, targets, out_dir, cutoff=3.0, second=False):
    """Three figures in `out_dir`: the largest implausibility against each parameter, the kept
    points as a pairs plot, and each target's distribution over the points against its target."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = table.attrs.get("parameters", [])
    w = worst(table, targets, second)
    n = max(1, len(params))
    fig, axes = plt.subplots(1, n, figsize=(3 * n, 3), squeeze=False)
    for ax, p in zip(axes[0], params):
        ax.scatter(table[p], w, s=8, c=np.where(w < cutoff, "tab:blue", "tab:grey"))
        ax.axhline(cutoff, color="tab:red", lw=0.8)
        ax.set_xlabel(p.split(".")[-1], fontsize=7)
        ax.set_yscale("log")
    axes[0][0].set_ylabel("largest implausibility")
    fig.tight_layout()
    fig.savefig(out / "implausibility.png", dpi=100)
    plt.close(fig)
    keep = table[w < cutoff]
    fig, axes = plt.subplots(n, n, figsize=(1.8 * n, 1.8 * n), squeeze=False)
    for i, a in enumerate(params):
        for j, b in enumerate(params):
            ax = axes[i][j]
            ax.set_xticks([])
            ax.set_yticks([])
            if i == j:
                ax.hist(keep[a] if len(keep) else [], bins=10, color="tab:blue")
            else:
                ax.scatter(table[b], table[a], s=3, c="lightgrey")
                ax.scatter(keep[b], keep[a], s=5, c="tab:blue")
            if i == n - 1:
                ax.set_xlabel(b.split(".")[-1], fontsize=6)
            if j == 0:
                ax.set_ylabel(a.split(".")[-1], fontsize=6)
    fig.tight_layout()
    fig.savefig(out / "kept_pairs.png", dpi=100)
    plt.close(fig)
    ts = [t for t in targets if f"{t.name}:mean" in table]
    cols = 4
    rows = max(1, math.ceil(len(ts) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 2.4 * rows), squeeze=False)
    for ax, t in zip(axes.flat, ts):
        vals = table[f"{t.name}:mean"].dropna()
        ax.hist(vals, bins=15, color="lightgrey", label="all points")
        if len(keep):
            ax.hist(keep[f"{t.name}:mean"].dropna(), bins=15, color="tab:blue", label="kept")
        ax.axvline(t.value, color="tab:red")
        ax.axvspan(t.value - 3 * t.sd(), t.value + 3 * t.sd(), color="tab:red", alpha=0.1)
        ax.set_title(t.name, fontsize=8)
    for ax in list(axes.flat)[len(ts):]:
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(out / "targets.png", dpi=100)
    plt.close(fig)
    return [out / "implausibility.png", out / "kept_pairs.png", out / "targets.png"]


def check_runs(targets, paths_by_scenario, cutoff=3.0):
    """Targets against runs of the defaults (several seeds per scenario): per target, the mean and
    sd over the seeds, the implausibility and whether it is under the cutoff."""
    rows = []
    for t in targets:
        paths = paths_by_scenario.get(t.scenario, [])
        vals = np.array([PATTERNS[t.pattern][0](p) for p in paths], dtype=float)
        ok = vals[~np.isnan(vals)]
        mean = float(ok.mean()) if len(ok) else math.nan
        var = float(ok.var(ddof=1)) if len(ok) > 1 else 0.0
        imp = t.implausibility(mean, var, len(ok))
        rows.append({"target": t.name, "scenario": t.scenario, "calibrate": t.calibrate, "observed": t.value,
                     "mean": mean, "sd": math.sqrt(var), "n": len(ok), "implausibility": imp, "match": imp < cutoff})
    return pd.DataFrame(rows)
