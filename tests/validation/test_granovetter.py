"""Validation: Granovetter (1978), "Threshold Models of Collective Behavior", American Journal
of Sociology 83(6), 1420-1443. Its first example: 100 persons with thresholds 0, 1, ..., 99
(counted in others already rioting) all riot; give the person with threshold 1 a threshold of 2
and only the instigator does (scenarios/validation/granovetter_riot.yaml). Its normal example
(mean 25, a crowd of 100): the riot jumps from a few to everyone as the sd passes about 12.2
(scenarios/validation/granovetter_normal.yaml holds the distribution's quantiles). Figures and
tolerances in figures.py; deterministic, no random draw decides anything."""
import figures
from validation_env import run


def test_granovetters_figures(tmp_path):
    rows = figures.case_granovetter(tmp_path)
    assert len(rows) == 3
    for row in rows:
        assert row.ok, row


def test_one_joins_each_week(tmp_path):
    """The cascade is one person a week: 99 weeks after the instigator's first."""
    s = run("granovetter_riot", tmp_path / "riot.h5")
    assert list(s["protesters"][:3]) == [1, 2, 3]
    assert s["protesters"][98] == 99 and s["protesters"][99] == 100
