"""The essays' claims as parameters, and whether each reaches its outcome in the city.

Each claim names a strategy scenario (the one built for it), a parameter (one or more --set
overrides) at the two ends of its range, and the outcomes the claim is about, each computed from
a run's output file. `measure` runs both ends over the same seeds (common random numbers: the
same seed gives the same world) and returns, per outcome, the mean at each end and the mean
paired difference with its standard error. A claim is live when some outcome's paired difference
exceeds two standard errors; which end is "better" is never asserted (no strategy's success is
written in).

    /usr/bin/python3 tests/claims/claims.py            # every claim: the table of docs/claims.md
    /usr/bin/python3 tests/claims/claims.py friction   # one claim, by name

Runs go to $TRIBUNE_CLAIMS_DIR (default: a temporary directory) and are reused when present.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import math
import os
import pathlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))
import tribune_analysis as ta  # noqa: E402

TRIBUNE = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))
SEEDS = (1, 2, 3, 4, 5)
RUNS = pathlib.Path(os.environ.get("TRIBUNE_CLAIMS_DIR") or tempfile.mkdtemp(prefix="claims-"))


# ---- outcomes: functions of a run's file ---------------------------------------------------

def org_series(name, org=0):
    return lambda f: ta.open_run(f, level="org")[name].values[:, org]


def mean_of(series, lo=0, hi=None):
    """Mean over weeks [lo, hi) of a series, NaN weeks left out; NaN when every week is (an
    organization that backs no officeholder has no alignment)."""
    def f(path):
        v = series(path)[lo:hi]
        v = v[~np.isnan(v)]
        return float(v.mean()) if len(v) else float("nan")
    return f


def city(name):
    return lambda f: ta.open_run(f)[name].values


def weeks_to_pass(path):
    """Mean over the agenda of the week each reform passed (the horizon for one that did not)."""
    ds = ta.open_run(path)
    horizon = int(ds.sizes["tick"])
    reforms = ta.events(path, "reforms")
    passed = reforms[reforms["passed"] == 1].groupby("reform")["tick"].min()
    agenda = sorted(set(reforms["reform"])) if len(reforms) else []
    return float(np.mean([passed.get(r, horizon) for r in agenda])) if agenda else float(horizon)


def weeks_to_first_betrayal(path):
    b = ta.events(path, "betrayals")
    return float(b["tick"].min()) if len(b) else float(ta.open_run(path).sizes["tick"])


def call_peak(path):
    c = ta.events(path, "calls")
    return float(c["peak"].mean()) if len(c) else 0.0


def at_week(series, week):
    return lambda f: float(series(f)[week])


# ---- the claims ----------------------------------------------------------------------------

@dataclass
class Claim:
    name: str
    essay: str        # who claims what
    scenario: str
    parameter: str    # what is varied, in words
    low: list         # --set overrides at one end
    high: list        # and at the other
    outcomes: dict    # name -> f(path)
    base: list = field(default_factory=list)  # overrides at both ends (a shorter run, say)


HELD = lambda org, cand: [f"officeholders.{k}.held_by_organization={org}" for k in range(4)] + \
    [f"officeholders.{k}.held_by_candidate={cand}" for k in range(4)] + \
    [f"officeholders.{k}.held_by_establishment=0" for k in range(4)]

CLAIMS = [
    Claim("friction", "000: Denvir's friction-less feedback loop (0) against Smith's irreducible gap (1)",
          "organizer_in_chief", "mechanisms.legislation.translation_friction 0 vs 1",
          ["mechanisms.legislation.translation_friction=0"], ["mechanisms.legislation.translation_friction=1"],
          {"weeks to pass (mean over the agenda)": weeks_to_pass,
           "reforms passed": lambda f: float(city("reforms_passed")(f)[-1])}),
    Claim("relationships", "003: accountability happens before the fact (the organization holds the win's "
          "relationships) against a candidate who holds them", "cadre_campaign",
          "the four seated cadre officeholders' relationships held by the organization (1) or the candidate (1)",
          HELD(1, 0), HELD(0, 1),
          {"weeks to the first betrayal": weeks_to_first_betrayal,
           "drift of backed officeholders, weeks 0-207": mean_of(org_series("holder_drift"), 0, 208),
           "alignment of backed officeholders, weeks 0-207": mean_of(org_series("holder_alignment"), 0, 208)}),
    Claim("call_reach", "000: Day (a call reaches people by the officeholder's visibility) against Smith "
          "(movements are not called into being from above)", "organizer_in_chief",
          "mechanisms.organizer_in_chief.reach_base 0 vs 1",
          ["mechanisms.organizer_in_chief.reach_base=0"], ["mechanisms.organizer_in_chief.reach_base=1"],
          {"protesters at a call's peak (mean over calls)": call_peak,
           "protesters a week": mean_of(city("protesters"))}),
    Claim("call_infrastructure", "000: a call reaches as far as unions, lists and past movements already do",
          "organizer_in_chief", "reach_org, reach_union, reach_episode all 0 vs 1 (reach_base 0)",
          ["mechanisms.organizer_in_chief.reach_org=0", "mechanisms.organizer_in_chief.reach_union=0",
           "mechanisms.organizer_in_chief.reach_episode=0"],
          ["mechanisms.organizer_in_chief.reach_org=1", "mechanisms.organizer_in_chief.reach_union=1",
           "mechanisms.organizer_in_chief.reach_episode=1"],
          {"protesters at a call's peak (mean over calls)": call_peak},
          base=["mechanisms.organizer_in_chief.reach_base=0"]),
    Claim("stringency", "002: strict endorsements (a distinct identity) against loose ones (another "
          "lesser-evil endorser)", "party_surrogate", "organizations.left_org.endorsement_stringency 0 vs 1",
          ["organizations.left_org.endorsement_stringency=0"], ["organizations.left_org.endorsement_stringency=1"],
          {"seats it backs (mean over weeks)": mean_of(org_series("seats_backed")),
           "alignment of the officeholders it backs": mean_of(org_series("holder_alignment")),
           "brand": lambda f: float(org_series("brand")(f)[-1])}),
    Claim("retention", "001: a campaign built to leave an organization behind (retention 1) against the usual "
          "evaporation (0)", "campaign_to_organization", "timeline.national_campaign.retention 0 vs 1",
          ["timeline.national_campaign.retention=0"], ["timeline.national_campaign.retention=1"],
          {"members two years after the campaign (week 314)": at_week(org_series("members"), 314),
           "cadre two years after the campaign": at_week(org_series("cadre"), 314)},
          base=["horizon_weeks=320"]),
    Claim("hours", "000: campaigns siphon hours from movements and unions (all electoral against movements "
          "and unions)", "movement_first",
          "left_org's strategy: electoral 0.9 (movement 0, union 0) vs movement 0.5, union 0.4 (electoral 0)",
          ["organizations.left_org.strategy={electoral: 0.9, movement: 0, union: 0, base_building: 0.05, internal: 0.05}"],
          ["organizations.left_org.strategy={electoral: 0, movement: 0.5, union: 0.4, base_building: 0.05, internal: 0.05}"],
          {"movement hours a week": mean_of(org_series("hours_movement")),
           "union hours a week": mean_of(org_series("hours_union")),
           "strikes won": lambda f: float(np.nansum(city("strikes_won")(f))),
           "protester-weeks": lambda f: float(np.nansum(city("protesters")(f)))}),
    Claim("density", "004: Milwaukee's density (1 member per 100 residents) keeps the unions it leads; "
          "New York's (1 per 670) would not", "milwaukee_1910",
          "organizations.left_org.members_per_resident 0.0015 vs 0.01 (left-led unions at the start)",
          ["organizations.left_org.members_per_resident=0.0015"], ["organizations.left_org.members_per_resident=0.01"],
          {"left-led share of union members, mean over the run": mean_of(city("union_left_led_share")),
           "left-led share at the end": lambda f: float(city("union_left_led_share")(f)[-1])}),
    Claim("police", "000: repression deters now and provokes later", "cadre_campaign",
          "mechanisms.mobilization.police_per_1000 0 vs 10",
          ["mechanisms.mobilization.police_per_1000=0"], ["mechanisms.mobilization.police_per_1000=10"],
          {"protesters a week, weeks 130-145 (the wave)": mean_of(city("protesters"), 130, 146),
           "protesters a week, weeks 146-299 (after)": mean_of(city("protesters"), 146, 300),
           "legitimacy at week 299": at_week(city("legitimacy"), 299)},
          base=["horizon_weeks=300"]),
]


# ---- running and measuring -----------------------------------------------------------------

def run(scenario, sets, seed):
    key = hashlib.sha256(repr((scenario, sorted(sets), seed)).encode()).hexdigest()[:16]
    out = RUNS / f"{scenario}-{seed}-{key}.h5"
    if not out.exists():
        tmp = out.with_suffix(".tmp.h5")
        cmd = [TRIBUNE, "run", f"scenarios/{scenario}.yaml", "-q", "-o", str(tmp), "--seed", str(seed),
               "--threads", "1"]
        for s in sets:
            cmd += ["--set", s]
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
        tmp.rename(out)
    return out


@dataclass
class Effect:
    outcome: str
    low: float
    high: float
    diff: float  # mean over seeds of high - low (seeds where both ends are defined)
    se: float    # its standard error
    n: int       # seeds where both ends are defined

    @property
    def live(self):
        return self.n >= 2 and self.diff != 0 and abs(self.diff) > 2 * self.se


def measure(claim, seeds=SEEDS, jobs=2):
    RUNS.mkdir(parents=True, exist_ok=True)
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        lo = list(ex.map(lambda s: run(claim.scenario, claim.base + claim.low, s), seeds))
        hi = list(ex.map(lambda s: run(claim.scenario, claim.base + claim.high, s), seeds))
    effects = []
    for name, f in claim.outcomes.items():
        a = np.array([f(p) for p in lo])
        b = np.array([f(p) for p in hi])
        d = (b - a)[~(np.isnan(a) | np.isnan(b))]
        se = float(d.std(ddof=1) / math.sqrt(len(d))) if len(d) > 1 else float("nan")
        mean = float(d.mean()) if len(d) else float("nan")
        effects.append(Effect(name, float(np.nanmean(a)) if (~np.isnan(a)).any() else float("nan"),
                              float(np.nanmean(b)) if (~np.isnan(b)).any() else float("nan"), mean, se, len(d)))
    return effects


def markdown(claims, seeds=SEEDS):
    lines = ["| claim | scenario | parameter (low vs high) | outcome | low | high | paired difference (SE) | live |",
             "|---|---|---|---|---|---|---|---|"]
    for c in claims:
        for e in measure(c, seeds):
            diff = f"{e.diff:+.4g} ({e.se:.2g})" if e.n >= 2 else f"n/a (defined at both ends in {e.n} seeds)"
            lines.append(f"| {c.name} | `{c.scenario}` | {c.parameter} | {e.outcome} | {e.low:.4g} | {e.high:.4g} | "
                         f"{diff} | {'yes' if e.live else 'no'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    wanted = sys.argv[1:]
    chosen = [c for c in CLAIMS if not wanted or c.name in wanted]
    if wanted and len(chosen) != len(wanted):
        print(f"unknown claim; claims: {', '.join(c.name for c in CLAIMS)}", file=sys.stderr)
        sys.exit(2)
    print(f"seeds {list(SEEDS)}; runs in {RUNS}")
    print(markdown(chosen))
