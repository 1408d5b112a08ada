"""Command line: ``python3 -m tribune_analysis summary RUN.h5``,
``python3 -m tribune_analysis plot RUN.h5 --series org_members --out fig.png`` and
``python3 -m tribune_analysis calibrate TARGETS.yaml SWEEP_DIR... --next WAVE.yaml --report R.md``."""
from __future__ import annotations

import argparse
import os
import sys
import warnings

import numpy as np

from .io import display_units
from .seal import open_h5


def _summary(args):
    from .io import open_run
    ds = open_run(args.file, level=args.level)
    a = ds.attrs
    print(f"{a['path']}: scenario {a.get('scenario_name', '?')}, seed {a.get('seed')}, replicate "
          f"{a.get('replicate')}, {a.get('ticks_run')} ticks, complete={a.get('complete')}, "
          f"tribune {a.get('version')} ({a.get('git_commit')})")
    rows = []
    actor = next((d for d in ("district", "org", "union", "party") if d in ds.dims), None)
    names = [str(n) for n in ds[f"{actor}_name"].values] if actor else [None]
    for name, da in ds.data_vars.items():
        if "tick" not in da.dims:
            continue
        for k, who in enumerate(names):  # a row per actor: never their mean
            v = (da.isel({actor: k}) if actor and actor in da.dims else da).values.astype(float)
            label = f"{name} [{who}]" if who is not None else name
            finite = v[np.isfinite(v)]
            if finite.size == 0:
                rows.append((label, display_units(da), *(["nan"] * 5)))
                continue
            rows.append((label, display_units(da), *(f"{x:.4g}" for x in
                                                             (v[0], v[-1], finite.min(), finite.max(), finite.mean()))))
    head = ("series", "units", "first", "last", "min", "max", "mean")
    widths = [max(len(str(r[k])) for r in rows + [head]) for k in range(len(head))]
    for r in [head] + rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
    return 0


def _plot(args):
    import matplotlib
    matplotlib.use("Agg")
    from . import plots
    from .io import open_run, open_sweep
    with open_h5(args.file) as f:
        sweep = "sweep_name" in f.attrs
    ds = (open_sweep if sweep else open_run)(args.file, level=args.level)
    if args.series not in ds:
        have = ", ".join(sorted(v for v in ds.data_vars if "tick" in ds[v].dims))
        print(f"error: {args.file} has no series {args.series!r} at level {args.level}; it has: {have}",
              file=sys.stderr)
        return 2
    select = {}
    for item in args.select or []:
        key, _, value = item.partition("=")
        if not value:
            print(f"error: --select {item!r}: give DIMENSION=NAME (org=left_org, district=downtown, point=3)",
                  file=sys.stderr)
            return 2
        select.setdefault(key, []).append(int(value) if key == "point" and value.isdigit() else value)
    fig = plots.timeseries(ds, args.series, select={k: v[0] if len(v) == 1 else v for k, v in select.items()})
    fig.savefig(args.out, dpi=args.dpi)
    print(f"wrote {args.out}")
    return 0


def _calibrate(args):
    from . import calibrate as cal
    targets = cal.load_targets(args.targets)
    table = cal.evaluate(targets, args.sweeps)
    keep = cal.kept(table, targets, args.cutoff, args.second)
    text = cal.report(table, targets, args.cutoff, args.second, title=args.title)
    if args.report:
        with open(args.report, "w") as f:
            f.write(text)
        print(f"wrote {args.report}")
    else:
        print(text)
    if args.table:
        table.to_csv(args.table)
        print(f"wrote {args.table}")
    if args.plots:
        for path in cal.plots(table, targets, args.plots, args.cutoff, args.second):
            print(f"wrote {path}")
    if args.next:
        region = None
        if args.emulate:
            params = table.attrs["parameters"]
            cand = cal.emulate(table, targets, params, candidates=args.candidates, cutoff=args.cutoff,
                               second=args.second)
            if len(cand):
                region = cal.emulated_region(cand, params)
                print(f"emulator: {len(cand)} of {args.candidates} candidate points plausible")
        with open(args.next, "w") as f:
            f.write(cal.next_wave(args.sweeps[0], keep, args.samples, args.replicates, region=region,
                                  scenario=args.scenario, out_path=args.next))
        print(f"wrote {args.next} ({len(keep)} of {len(table)} points kept)")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(prog="tribune-analysis",
                                description="Summaries and plots of tribune's HDF5 outputs.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="a table of a run's series: first, last, min, max, mean")
    s.add_argument("file")
    s.add_argument("--level", default="city", choices=["city", "district", "org", "union", "party"])
    s.set_defaults(func=_summary)
    q = sub.add_parser("plot", help="plot one series of a run or a merged sweep to an image")
    q.add_argument("file")
    q.add_argument("--series", required=True)
    q.add_argument("--out", required=True)
    q.add_argument("--level", default="city", choices=["city", "district", "org", "union", "party"])
    q.add_argument("--select", action="append", metavar="DIM=NAME",
                   help="draw only this district, org, union, party or design point (repeatable); without it "
                        "each is its own line, never their mean")
    q.add_argument("--dpi", type=int, default=120)
    q.set_defaults(func=_plot)
    c = sub.add_parser("calibrate", help="history matching: implausibility of each design point of a sweep "
                                         "against a targets file; report, plots, the next wave's sweep file")
    c.add_argument("targets", help="targets file (scenarios/calibration/targets.yaml)")
    c.add_argument("sweeps", nargs="+", help="sweep directories of the wave (one per scenario, the same design)")
    c.add_argument("--cutoff", type=float, default=3.0, help="implausibility cutoff (default 3)")
    c.add_argument("--second", action="store_true", help="keep on the second largest implausibility")
    c.add_argument("--report", help="write the Markdown report here (default: stdout)")
    c.add_argument("--table", help="write the per-point table (CSV) here")
    c.add_argument("--plots", help="write the three figures into this directory")
    c.add_argument("--next", help="write the next wave's sweep file here")
    c.add_argument("--samples", type=int, default=60, help="points in the next wave (default 60)")
    c.add_argument("--replicates", type=int, help="replicates in the next wave (default: this wave's)")
    c.add_argument("--emulate", action="store_true",
                   help="shrink the next region to where a Gaussian-process emulator expects plausible points")
    c.add_argument("--candidates", type=int, default=20000, help="candidate points the emulator screens")
    c.add_argument("--scenario", help="the next wave's scenario (default: this wave's, relative to --next "
                                      "when it resolves from there)")
    c.add_argument("--title", default="History matching")
    c.set_defaults(func=_calibrate)
    args = p.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            return args.func(args)
    except BrokenPipeError:  # `| head`: the reader left; nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, KeyError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
