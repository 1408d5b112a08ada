"""Command line: ``python3 -m tribune_analysis summary RUN.h5`` and
``python3 -m tribune_analysis plot RUN.h5 --series org_members --out fig.png``."""
from __future__ import annotations

import argparse
import os
import sys
import warnings

import numpy as np


def _summary(args):
    from .io import open_run
    ds = open_run(args.file, level=args.level)
    a = ds.attrs
    print(f"{a['path']}: scenario {a.get('scenario_name', '?')}, seed {a.get('seed')}, replicate "
          f"{a.get('replicate')}, {a.get('ticks_run')} ticks, complete={a.get('complete')}, "
          f"tribune {a.get('version')} ({a.get('git_commit')})")
    rows = []
    for name, da in ds.data_vars.items():
        if "tick" not in da.dims:
            continue
        v = da.values.astype(float)
        if v.ndim > 1:
            v = np.nanmean(v, axis=tuple(range(1, v.ndim)))
        finite = v[np.isfinite(v)]
        if finite.size == 0:
            rows.append((name, da.attrs.get("units", ""), *(["nan"] * 5)))
            continue
        rows.append((name, da.attrs.get("units", ""), *(f"{x:.4g}" for x in
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
    import h5py
    with h5py.File(args.file, "r") as f:
        sweep = "sweep_name" in f.attrs
    ds = (open_sweep if sweep else open_run)(args.file, level=args.level)
    if args.series not in ds:
        have = ", ".join(sorted(v for v in ds.data_vars if "tick" in ds[v].dims))
        print(f"error: {args.file} has no series {args.series!r} at level {args.level}; it has: {have}",
              file=sys.stderr)
        return 2
    fig = plots.timeseries(ds, args.series)
    fig.savefig(args.out, dpi=args.dpi)
    print(f"wrote {args.out}")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m tribune_analysis",
                                description="Summaries and plots of tribune's HDF5 outputs.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="a table of a run's series: first, last, min, max, mean")
    s.add_argument("file")
    s.add_argument("--level", default="city", choices=["city", "district", "org", "union"])
    s.set_defaults(func=_summary)
    q = sub.add_parser("plot", help="plot one series of a run or a merged sweep to an image")
    q.add_argument("file")
    q.add_argument("--series", required=True)
    q.add_argument("--out", required=True)
    q.add_argument("--level", default="city", choices=["city", "district", "org", "union"])
    q.add_argument("--dpi", type=int, default=120)
    q.set_defaults(func=_plot)
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
