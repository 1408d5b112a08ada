#!/usr/bin/env python3
"""The nine strategy scenarios x seeds: headline outcomes per scenario and which pairs differ.

    /usr/bin/python3 scripts/strategy_table.py [--seeds 1-5] [--jobs 2] [--out DIR] [--set k=v ...]
                                               [--scenarios a,b,...] [--pairs]

Runs every strategy scenario of scenarios/ (city.yaml's children) for each seed with common
random numbers (the same seed gives the same world in every scenario), then prints per scenario
the mean and standard deviation over seeds of: the strategy's organization's (left_org's)
members and cadre at the end, the seats held by officeholders it backs (its own and those it
endorsed) at the end, reforms passed (and which, with how many seeds passed each),
protest episodes started, ended and won, calls for mass action, betrayals and the week of the
first (the horizon if none), the left-led union share at the end, and general-election turnout
(of residents). With --pairs it prints, for every pair of
scenarios and outcome, the paired difference over seeds when it exceeds two standard errors.

Runs are written to --out (default: a temporary directory) and kept there when given.
"""
import argparse
import concurrent.futures as cf
import itertools
import math
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "analysis"))
import tribune_analysis as ta  # noqa: E402

TRIBUNE = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))
STRATEGIES = ["class_struggle_election", "movement_first", "organizer_in_chief", "campaign_to_organization",
              "party_surrogate", "cadre_candidate", "cadre_campaign", "milwaukee_1910", "nyc_2025"]
OUTCOMES = ["members", "cadre", "seats_backed", "reforms", "episodes_started", "episodes_ended", "episodes_won",
            "calls", "betrayals", "first_betrayal", "left_led", "turnout"]


def seeds_of(text):
    out = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b) + 1)) if b else [int(a)]
    return out


def run_one(scenario, seed, out_dir, sets):
    out = pathlib.Path(out_dir) / f"{scenario}-{seed}.h5"
    if not out.exists():
        cmd = [TRIBUNE, "run", f"scenarios/{scenario}.yaml", "-q", "-o", str(out), "--seed", str(seed),
               "--threads", "1"]
        for s in sets:
            cmd += ["--set", s]
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    return outcomes(out)


def outcomes(path):
    ds = ta.open_run(path)
    last = {k: float(ds[k].values[-1]) for k in ("org_members", "org_cadre", "seats_backed", "union_left_led_share")}
    reforms = ta.events(path, "reforms")
    passed = sorted(reforms.loc[reforms["passed"] == 1, "reform"].astype(str)) if len(reforms) else []
    ep = ta.events(path, "episodes")
    calls = ta.events(path, "calls")
    bet = ta.events(path, "betrayals")
    turnout = ds["turnout"].values
    turnout = turnout[~(turnout != turnout)]
    # Members and cadre of the left organizations only (the first is the strategy's organization).
    org = ta.open_run(path, level="org")
    return {
        "members": float(org["members"].values[-1, 0]),
        "cadre": float(org["cadre"].values[-1, 0]),
        "seats_backed": float(org["seats_backed"].values[-1, 0]),
        "reforms": float(len(passed)),
        "passed": passed,
        "episodes_started": float(len(ep)),
        "episodes_ended": float((ep["end"] >= 0).sum()) if len(ep) else 0.0,
        "episodes_won": float((ep["won"] == 1).sum()) if len(ep) else 0.0,
        "calls": float(len(calls)),
        "betrayals": float(len(bet)),
        "first_betrayal": float(bet["tick"].min()) if len(bet) else float(ds.sizes["tick"]),
        "left_led": last["union_left_led_share"],
        "turnout": float(turnout.mean()) if len(turnout) else float("nan"),
    }


def mean_sd(xs):
    xs = [x for x in xs if not math.isnan(x)]
    if not xs:
        return float("nan"), float("nan")
    m = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
    return m, sd


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--seeds", default="1-5")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out")
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--scenarios", default=",".join(STRATEGIES))
    ap.add_argument("--pairs", action="store_true")
    a = ap.parse_args(argv)
    seeds = seeds_of(a.seeds)
    scenarios = a.scenarios.split(",")
    out_dir = a.out or tempfile.mkdtemp(prefix="strategies-")
    os.makedirs(out_dir, exist_ok=True)
    res = {}
    with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = {ex.submit(run_one, s, seed, out_dir, a.set): (s, seed) for s in scenarios for seed in seeds}
        for f in cf.as_completed(futs):
            res[futs[f]] = f.result()
    width = max(len(s) for s in scenarios)
    print(f"{len(scenarios)} scenarios x seeds {seeds}; mean (sd) over seeds; runs in {out_dir}")
    print(f"{'scenario':<{width}}  " + "  ".join(f"{o:>15}" for o in OUTCOMES))
    for s in scenarios:
        cells = []
        for o in OUTCOMES:
            m, sd = mean_sd([res[(s, seed)][o] for seed in seeds])
            cells.append(f"{m:>8.3g} ({sd:>4.2g})")
        print(f"{s:<{width}}  " + "  ".join(f"{c:>15}" for c in cells))
    print("\nreforms passed (seeds passing each):")
    for s in scenarios:
        counts = {}
        for seed in seeds:
            for r in res[(s, seed)]["passed"]:
                counts[r] = counts.get(r, 0) + 1
        print(f"  {s:<{width}}  " + (", ".join(f"{r} {n}/{len(seeds)}" for r, n in sorted(counts.items())) or "none"))
    if a.pairs:
        print("\npairs differing beyond seed noise (|mean paired difference| > 2 SE, same seeds):")
        for x, y in itertools.combinations(scenarios, 2):
            diffs = []
            for o in OUTCOMES:
                d = [res[(x, seed)][o] - res[(y, seed)][o] for seed in seeds]
                d = [v for v in d if not math.isnan(v)]
                if len(d) < 2:
                    continue
                m, sd = mean_sd(d)
                se = sd / math.sqrt(len(d))
                if abs(m) > 2 * se and m != 0:
                    diffs.append(f"{o} {m:+.3g}")
            print(f"  {x} - {y}: " + (", ".join(diffs) if diffs else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
