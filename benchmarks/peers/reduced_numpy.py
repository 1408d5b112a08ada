"""The reduced model of benchmarks/peers/reduced.yaml written as a researcher would write it in
numpy: whole-array operations over the ties in CSR form, no Python loop over persons or ties.

It reads the world tribune built (`bench_scaling ... --dump DIR`: the network, the initial
columns and the parameters), so both start from the same network and the same persons, and
runs the same rules week by week:

  opinion (M4, rule `ties`): each person averages the ties whose ideology is within epsilon of
      their own and moves `rate` of the way to that mean, plus `stubbornness` of the way back to
      their anchor; clamped to [-1, 1].
  protest (M28, mixing `ties`, vision `district`): protest when
      grievance_weight g (1 - legitimacy)(1 - hope_weight + hope_weight h) + social s
      - risk_aversion P(arrest) - fatigue tiredness >= threshold,
      with s the share of one's ties protesting last week and P(arrest) = 1 - exp(-k floor(police
      / (protesters last week + 1))); tiredness rises by one each week protesting and falls by one
      with probability `recovery` each week not.

The only random draws are the recoveries, so the final ideology is the same up to float rounding
and the protest share agrees within sampling error (run_peers.sh compares them).

  /usr/bin/python3 benchmarks/peers/reduced_numpy.py DIR --ticks 52 [--seed 1]

prints one JSON line: the median tick in ms, person-ticks/s and the final statistics.
"""
import argparse
import json
import os
import time

import numpy as np


def load(d):
    p = json.load(open(os.path.join(d, "params.json")))
    raw = lambda name, t: np.fromfile(os.path.join(d, name), dtype=t)
    p["offsets"] = raw("offsets.i64", np.int64)
    p["nbr"] = raw("nbr.i32", np.int32)
    for c in ("ideology", "anchor", "grievance", "hope", "threshold", "risk_aversion"):
        p[c] = raw(c + ".f32", np.float32)
    p["district"] = raw("district.u16", np.uint16).astype(np.intp)
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--ticks", type=int, default=52)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    p = load(a.dump)
    rng = np.random.default_rng(a.seed)

    n = p["persons"]
    offsets, nbr = p["offsets"], p["nbr"]
    deg = np.diff(offsets)
    rows = np.repeat(np.arange(n), deg)  # the person each tie belongs to
    starts = offsets[:-1]
    has_ties = deg > 0
    eps, rate, stub = np.float32(p["epsilon"]), np.float32(p["rate"]), np.float32(p["stubbornness"])
    x = p["ideology"].copy()
    anchor = p["anchor"]
    police = np.asarray(p["police"], dtype=np.float64)
    district = p["district"]
    # The part of the protest rule that does not change in the reduced model (grievance and hope
    # are switched off).
    g = (p["grievance_weight"] * p["grievance"].astype(np.float64) * (1 - p["legitimacy"])
         * (1 - p["hope_weight"] + p["hope_weight"] * p["hope"].astype(np.float64)))
    threshold = p["threshold"].astype(np.float64)
    risk_aversion = p["risk_aversion"].astype(np.float64)
    protesting = np.zeros(n, dtype=bool)
    tired = np.zeros(n, dtype=np.int64)
    before = np.zeros(len(police))
    safe_deg = np.maximum(deg, 1)

    ticks, shares = [], []
    for _ in range(a.ticks):
        t0 = time.perf_counter()
        # opinion
        xj = x[nbr]
        trusted = np.abs(xj - x[rows]) <= eps
        total = np.add.reduceat(np.where(trusted, xj, np.float32(0)), starts[has_ties])
        count = np.add.reduceat(trusted.astype(np.int32), starts[has_ties])
        mean = x.copy()
        mean[has_ties] = np.where(count > 0, total / np.maximum(count, 1), x[has_ties])
        x = np.clip(x + rate * (mean - x) + stub * (anchor - x), -1, 1).astype(np.float32)
        # protest
        ratio = police / (before + 1)
        if p["rounding"] == "floor":
            ratio = np.floor(ratio)
        elif p["rounding"] == "round":
            ratio = np.round(ratio)
        risk = 1 - np.exp(-p["arrest_k"] * ratio)
        ties_out = np.add.reduceat(protesting[nbr].astype(np.int32), starts[has_ties])
        share = np.zeros(n)
        share[has_ties] = ties_out / safe_deg[has_ties]
        net = g + p["social"] * share - risk_aversion * risk[district] - p["fatigue"] * tired
        protesting = net >= threshold
        rest = (~protesting) & (tired > 0) & (rng.random(n) < p["recovery"])
        tired = np.where(protesting, np.minimum(tired + 1, 255), tired - rest)
        before = np.bincount(district, weights=protesting, minlength=len(police))
        ticks.append(time.perf_counter() - t0)
        shares.append(protesting.mean())

    med = float(np.median(ticks))
    print(json.dumps({"persons": n, "ticks": a.ticks, "tick_median_ms": med * 1e3, "person_ticks_per_s": n / med,
                      "final": {"ideology_mean": float(x.astype(np.float64).mean()),
                                "ideology_sd": float(x.astype(np.float64).std()),
                                "protest_share": float(protesting.mean()),
                                "protest_share_mean": float(np.mean(shares))}}))


if __name__ == "__main__":
    main()
