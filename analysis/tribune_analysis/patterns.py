"""The patterns a calibrated city must reproduce, each computed from one run's output file.

These are the statistics of the calibration targets (scenarios/calibration/targets.yaml): the
tests (tests/calibration), the calibration (tribune_analysis.calibrate) and the notebooks all
call them here, so that they cannot disagree about what a target measures.

    import tribune_analysis as ta
    ta.pattern("general_turnout_city", "run.h5")      # one statistic of one run
    ta.PATTERNS                                       # name -> (function, unit, meaning)

Every function takes the path of a run file and returns a float (NaN when the run holds nothing
to measure, e.g. no incumbent ran).
"""
from __future__ import annotations

import functools
import math

import numpy as np
import yaml

from .io import events as _read_events
from .io import open_run as _open_run
from .io import _provenance


# Each pattern reads a few series and tables; a calibration evaluates twenty patterns on every
# run, so what was read is kept (as plain arrays, files closed) for the runs seen last.
class _Series(dict):
    def __init__(self, ds):
        super().__init__({k: ds[k].values for k in ds.data_vars})
        self.sizes = dict(ds.sizes)


@functools.lru_cache(maxsize=64)
def _series(path, level):
    with _open_run(path, level=level) as ds:
        return _Series(ds.load())


def open_run(path, level="city"):
    return _series(str(path), level)


@functools.lru_cache(maxsize=256)
def _table(path, table):
    return _read_events(path, table)


def events(path, table):
    return _table(str(path), table)

EXECUTIVE_CITY = ("mayor",)


def _elections(path):
    return events(path, "elections")


def _scenario(path):
    return yaml.safe_load(_provenance(path)["scenario"])


def _general(e):
    return e[e["stage"] == "general"]


def incumbent_reelection_rate(path):
    """Of the incumbents who ran (primary or general), the share re-elected."""
    e = _elections(path)
    inc = e[e["incumbent"] == 1]
    if not len(inc):
        return math.nan
    ran = inc.groupby(["tick", "office", "district", "candidate"]).size().index
    won = set(map(tuple, _general(inc).loc[_general(inc)["seats"] > 0, ["office", "district", "candidate"]].values))
    names = {(o, d, c) for (_, o, d, c) in ran}
    return len(names & won) / len(names) if names else math.nan


def primary_defeat_rate(path):
    """Of the incumbents who ran in a primary, the share who lost it."""
    e = _elections(path)
    p = e[(e["stage"] == "primary") & (e["incumbent"] == 1)]
    return float((p["seats"] == 0).mean()) if len(p) else math.nan


def retirement_rate(path):
    """Of the races whose seat had an officeholder, the share with no incumbent on the ballot."""
    e = _elections(path)
    races = e.groupby(["tick", "office", "district"])["incumbent"].max()
    return float((races == 0).mean()) if len(races) else math.nan


def _turnout(e, stage, offices=None, exclude=None):
    g = e[e["stage"] == stage]
    if offices is not None:
        g = g[g["office"].isin(offices)]
    if exclude is not None:
        g = g[~g["office"].isin(exclude)]
    by = g.groupby(["tick", "office", "district"]).agg(votes=("votes", "sum"), electorate=("electorate", "first"))
    by = by[by["electorate"] > 0]
    return float((by["votes"] / by["electorate"]).mean()) if len(by) else math.nan


def primary_turnout(path):
    """Mean over primaries of votes cast per eligible party identifier."""
    return _turnout(_elections(path), "primary")


def general_turnout_city(path):
    """Mean over the city's own general elections (council, mayor: held off the state's cycle) of
    votes per resident."""
    return _turnout(_elections(path), "general", offices=("council", "mayor"))


def oncycle_turnout_ratio(path):
    """Turnout in the general elections held with the state's (the governor's) over the city's own."""
    e = _elections(path)
    city = _turnout(e, "general", offices=("council", "mayor"))
    state = _turnout(e, "general", offices=("governor",))
    return state / city if city and not math.isnan(city) else math.nan


def left_primary_share(path):
    """First-count primary share of the left organization's mayoral candidate (mean over primaries)."""
    e = _elections(path)
    p = e[(e["stage"] == "primary") & (e["office"].isin(EXECUTIVE_CITY)) & (e["organization"] == "left_org")]
    return float(p["share"].mean()) if len(p) else math.nan


def left_general_share(path):
    """General-election share of the left organization's mayoral candidate (mean over generals it reached)."""
    e = _elections(path)
    g = _general(e)
    g = g[(g["office"].isin(EXECUTIVE_CITY)) & (g["organization"] == "left_org")]
    return float(g["share"].mean()) if len(g) else math.nan


def union_density_end(path):
    return float(open_run(path)["union_density"][-1])


def union_density_trend(path):
    """Relative change of union density from the first to the last week."""
    d = open_run(path)["union_density"]
    return float(d[-1] / d[0] - 1) if d[0] > 0 else math.nan


def strike_rate(path):
    """Workers in strikes per union member per year (strikes as they ended, over the run)."""
    ds = open_run(path)
    s = events(path, "strikes")
    years = ds.sizes["tick"] / 52.0
    members = float(np.mean(ds["union_density"]))  # per employed person
    employed = _employed(path)
    if not employed or members <= 0:
        return math.nan
    return float(s["size"].sum()) / (members * employed) / years if len(s) else 0.0


def _employed(path):
    # union members / density = employed persons (density is members per employed person)
    unions = open_run(path, level="union")
    dens = float(open_run(path)["union_density"][0])
    return float(unions["members"][0].sum()) / dens if dens > 0 else 0.0


def union_leadership_change_rate(path):
    """Share of union elections that changed who leads the union."""
    sc = _scenario(path)
    term = int(sc["mechanisms"]["union_leadership"]["term_weeks"])
    horizon = int(open_run(path).sizes["tick"])
    unions = int(open_run(path, level="union").sizes["union"])
    held = sum(1 for u in range(unions) for t in range(horizon) if (t + u * 13) % term == term - 1)
    lead = events(path, "leadership")
    changes = int((lead["cause"] == "election").sum()) if len(lead) else 0
    return changes / held if held else math.nan


def _org(path, name, org=0):
    return open_run(path, level="org")[name][:, org]


def org_boom_growth(path):
    """Log of the left organization's members four years after the start over its members at the
    start (growth is multiplicative: a log treats a doubling and a halving alike)."""
    m = _org(path, "members")
    end = m[min(208, len(m) - 1)]
    return float(math.log(end / m[0])) if m[0] > 0 and end > 0 else math.nan


def org_quiet_growth(path):
    """The left organization's members' growth per year over its last three years."""
    m = _org(path, "members")
    lo = max(0, len(m) - 157)
    return float((m[-1] / m[lo]) ** (52.0 / (len(m) - 1 - lo)) - 1) if m[lo] > 0 else math.nan


def _killing_week(path):
    tl = events(path, "timeline")
    k = tl[tl["kind"] == "police_killing"]
    return int(k["tick"].min()) if len(k) else None


def protest_peak_share(path):
    """The largest weekly share of residents protesting in the 26 weeks after the police killing."""
    ds = open_run(path)
    week = _killing_week(path)
    if week is None:
        return math.nan
    p = ds["protesters"][week:week + 26]
    n = float(open_run(path, level="district")["population"][0].sum())
    return float(p.max() / n) if n else math.nan


def protest_wave_weeks(path):
    """Weeks the city-wide episode that the police killing started lasted (to the horizon if open)."""
    week = _killing_week(path)
    ep = events(path, "episodes")
    if week is None:
        return math.nan
    c = ep[(ep["scope"] == "city") & (ep["start"] >= week) & (ep["start"] <= week + 8)] if len(ep) else ep
    if not len(c):
        return math.nan  # no wave: it has no length (a target on it is then implausible)
    first = c.sort_values("start").iloc[0]
    end = first["end"] if first["end"] >= 0 else open_run(path).sizes["tick"]
    return float(end - first["start"])


def protest_waves(path):
    """City-wide protest episodes started over the run."""
    ep = events(path, "episodes")
    return float((ep["scope"] == "city").sum()) if len(ep) else 0.0


def quiet_protest_share(path):
    """Median weekly share of residents protesting in the weeks no city-wide episode is under way."""
    ds = open_run(path)
    p, active = ds["protesters"], ds["episode_active"]
    n = float(open_run(path, level="district")["population"][0].sum())
    quiet = p[active < 0.5]
    return float(np.median(quiet) / n) if len(quiet) and n else math.nan


def left_share_change(path):
    """Change of the share of residents left of -1/3 from the first week to the last."""
    s = open_run(path)["left_share"]
    return float(s[-1] - s[0])


def ideology_sd_ratio(path):
    s = open_run(path)["ideology_sd"]
    return float(s[-1] / s[0]) if s[0] > 0 else math.nan


PATTERNS = {
    "incumbent_reelection_rate": (incumbent_reelection_rate, "1", "incumbents re-elected, of those who ran"),
    "primary_defeat_rate": (primary_defeat_rate, "1", "incumbents who lost a primary, of those in one"),
    "retirement_rate": (retirement_rate, "1", "races with no incumbent on the ballot"),
    "primary_turnout": (primary_turnout, "1", "primary votes per eligible party identifier"),
    "general_turnout_city": (general_turnout_city, "1", "votes per resident in the city's own generals"),
    "oncycle_turnout_ratio": (oncycle_turnout_ratio, "ratio", "turnout with the state's elections over the city's"),
    "left_primary_share": (left_primary_share, "1", "the left's mayoral candidate's first-count primary share"),
    "left_general_share": (left_general_share, "1", "the left's mayoral candidate's general-election share"),
    "union_density_end": (union_density_end, "1", "union members per employed person at the end"),
    "union_density_trend": (union_density_trend, "1", "relative change of union density over the run"),
    "strike_rate": (strike_rate, "1/year", "workers in strikes per union member per year"),
    "union_leadership_change_rate": (union_leadership_change_rate, "1", "union elections that changed the leadership"),
    "org_boom_growth": (org_boom_growth, "log ratio", "log of the left organization's members after four years over at the start"),
    "org_quiet_growth": (org_quiet_growth, "1/year", "left organization's members' growth per year, last three years"),
    "protest_peak_share": (protest_peak_share, "1", "largest weekly protest share after the police killing"),
    "protest_wave_weeks": (protest_wave_weeks, "weeks", "length of the city-wide episode the killing started"),
    "protest_waves": (protest_waves, "episodes", "city-wide protest episodes over the run"),
    "quiet_protest_share": (quiet_protest_share, "1", "median weekly protest share outside episodes"),
    "left_share_change": (left_share_change, "1", "change of the share of residents left of -1/3"),
    "ideology_sd_ratio": (ideology_sd_ratio, "ratio", "spread of ideology at the end over at the start"),
}


def pattern(name: str, path) -> float:
    """The named pattern's value for the run at `path`."""
    if name not in PATTERNS:
        raise KeyError(f"no pattern named {name!r}; patterns: {', '.join(PATTERNS)}")
    return PATTERNS[name][0](path)
