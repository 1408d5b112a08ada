#!/usr/bin/python3
"""Organization growth against the calibration targets of docs/calibration.md.

Runs the strategy scenarios (8 years, 100,000 residents, one seed each), prints every
organization's members and supporters at the start, after four years and at the end, and checks:

  T1  no organization's members grow more than 10-fold in 8 years (the fastest figure in
      MODEL.md section 7 is DSA's, about 10-fold in the four boom years 2016-2020);
  T2  the liberal advocacy group, which fights no strike and starts no campaign of its own, ends
      with at most 5 times its starting members;
  T3  the left organization's density holds within a factor 2 of its start in nyc_2025 (NYC-DSA,
      1 member per 670 residents) and milwaukee_1910 (1 per 100);
  T4  no organization's list (supporters) reaches 15% of the residents;
  T5  the spread of ideology at the end is at least 80% of the starting one (section 2).

Exit status 0 when every target holds, 1 otherwise.

    /usr/bin/python3 scripts/calibration_check.py [--tribune PATH] [--set KEY=VALUE ...] [--weeks W]
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

import h5py

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = ["class_struggle_election", "movement_first", "campaign_to_organization", "nyc_2025", "milwaukee_1910"]
DENSITY = {"nyc_2025": "left_org", "milwaukee_1910": "left_org"}  # T3


def run(tribune, scenario, sets, weeks, out):
    cmd = [tribune, "run", str(ROOT / "scenarios" / f"{scenario}.yaml"), "-o", out, "-q"]
    for s in sets + ([f"horizon_weeks={weeks}"] if weeks else []):
        cmd += ["--set", s]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    with h5py.File(out, "r") as f:
        g = f["organizations"]
        names = [n.decode() if isinstance(n, bytes) else str(n) for n in g["org_name"][()]]
        members, supporters = g["members"][()], g["supporters"][()]
        persons = int(f.attrs["persons"])
        sd = f["timeseries/ideology_sd"][()]
    mid = members.shape[0] // 2 - 1
    return persons, (float(sd[0]), float(sd[-1])), {
        n: (int(members[0, j]), int(members[mid, j]), int(members[-1, j]), int(supporters[-1, j]))
        for j, n in enumerate(names)
    }


def check(scenario, persons, spread, orgs):
    failures = []
    if spread[1] < 0.8 * spread[0]:
        failures.append(f"T5 {scenario}: sd of ideology {spread[0]:.3f} -> {spread[1]:.3f}, below 80%")
    for name, (m0, _, m1, s1) in orgs.items():
        if m0 > 0 and m1 > 10 * m0:
            failures.append(f"T1 {scenario}/{name}: members {m0} -> {m1}, more than 10-fold")
        if name == "liberal_group" and m0 > 0 and m1 > 5 * m0:
            failures.append(f"T2 {scenario}/{name}: members {m0} -> {m1}, more than 5-fold")
        if s1 > 0.15 * persons:
            failures.append(f"T4 {scenario}/{name}: {s1} supporters, more than 15% of {persons} residents")
    org = DENSITY.get(scenario)
    if org in orgs:
        m0, _, m1, _ = orgs[org]
        if not (0.5 * m0 <= m1 <= 2 * m0):
            failures.append(f"T3 {scenario}/{org}: members {m0} -> {m1}, outside a factor 2")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tribune", default=os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune")))
    ap.add_argument("--set", action="append", default=[], help="scenario override for every run")
    ap.add_argument("--weeks", type=int, default=0, help="shorter horizon (the targets are for 416 weeks)")
    a = ap.parse_args()
    failures, spreads = [], []
    print("| scenario | organization | members: start | after half | end | supporters at the end |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for scenario in SCENARIOS:
            persons, spread, orgs = run(a.tribune, scenario, a.set, a.weeks, os.path.join(tmp, f"{scenario}.h5"))
            for name, (m0, mh, m1, s1) in orgs.items():
                print(f"| {scenario} | {name} | {m0} | {mh} | {m1} | {s1} |")
            spreads.append(f"{scenario}: sd of ideology {spread[0]:.3f} -> {spread[1]:.3f}")
            failures += check(scenario, persons, spread, orgs)
    print()
    print("\n".join(spreads))
    print()
    print("\n".join(failures) if failures else "all targets hold (T1-T5)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
