"""Validation: Duverger's two-party result under plurality, Cox's M + 1 rule under list PR, and
the mechanical effect of district magnitude (scenarios/validation/duverger.yaml; sources,
statistics and tolerances in figures.case_duverger). The seat product model is reported in
docs/validation.md but not asserted: the scenario's six parties are fixed."""
import figures


def test_duverger_cox_and_the_mechanical_effect(tmp_path):
    rows = figures.case_duverger(tmp_path)
    asserted = [r for r in rows if r.ok is not None]
    assert len(asserted) == 3
    for row in asserted:
        assert row.ok, row
