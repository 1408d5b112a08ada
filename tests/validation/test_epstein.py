"""Validation: J. M. Epstein (2002), "Modeling civil violence: An agent-based computational
approach", PNAS 99 (suppl. 3), 7243-7250, Model I: punctuated equilibrium, long quiet spells
broken by outbursts, with local vision of cops and actives; fewer actives with more cops.

scenarios/validation/epstein.yaml: 1,120 agents on a ring lattice of 80 (about the agents in a
von Neumann vision of radius 7 at Epstein's density 0.7), cop density 0.04 / 0.7 per agent. The
burst statistic (figures.bursts) counts outbursts reaching a tenth of agents active, each from a
quiet week below 2%; tolerances and seeds in figures.case_epstein."""
import figures


def test_punctuated_equilibrium_and_the_regimes_either_side(tmp_path):
    rows = figures.case_epstein(tmp_path)
    asserted = [r for r in rows if r.ok is not None]
    assert len(asserted) == 3
    for row in asserted:
        assert row.ok, row


def test_burst_statistic_separates_the_three_regimes():
    """The statistic on made-up series: a permanent uprising, a trickle, and two outbursts of
    which the second has a dip that does not reach quiet (one outburst, not two)."""
    assert figures.bursts([0.3] * 50) == (0, 0.0, 1.0)
    assert figures.bursts([0.01] * 50)[:2] == (0, 1.0)
    series = [0.0] * 5 + [0.2] * 5 + [0.0] * 5 + [0.15, 0.05, 0.15] + [0.0] * 2
    n, quiet, high = figures.bursts(series)
    assert n == 2 and quiet == 12 / 20 and high == 7 / 20
