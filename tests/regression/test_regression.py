"""Regression tier: golden summary statistics of shipped scenarios, with tolerances
(regression_cases.py states the rule and why). Regenerate after an intended change:
/usr/bin/python3 tests/regression/regenerate.py"""
import copy

import pytest
import yaml

from regression_cases import cases, compare, describe, golden_path, run_case

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_matches_its_golden_statistics(case):
    path = golden_path(case["name"])
    assert path.exists(), f"no golden file {path}: run tests/regression/regenerate.py {case['name']}"
    golden = yaml.safe_load(path.read_text())
    assert golden["seeds"] == case["seeds"] and golden["scenario"] == case["scenario"], \
        f"{path} was made for another case definition: regenerate it"
    problems = compare(golden["statistics"], describe(run_case(case)))
    assert not problems, "\n".join(problems) + "\n(an intended change? regenerate: tests/regression/regenerate.py)"


def test_the_comparison_catches_a_shift_beyond_the_noise():
    # The rule can fail: a statistic moved by 5 standard errors, or one constant across seeds
    # moved at all, is reported; one moved by 1 standard error is not.
    golden = {"a": {"mean": 10.0, "sd": 1.0, "values": [9.0, 10.0, 11.0]},
              "b": {"mean": 2.0, "sd": 0.0, "values": [2.0, 2.0, 2.0]}}
    se = 1.0 / 3 ** 0.5
    fresh = copy.deepcopy(golden)
    fresh["a"]["mean"] += 1 * se
    assert compare(golden, fresh) == []
    fresh["a"]["mean"] = 10.0 + 5 * se
    fresh["b"]["mean"] = 3.0
    problems = compare(golden, fresh)
    assert len(problems) == 2 and problems[0].startswith("a:") and problems[1].startswith("b:")
    assert compare(golden, {"a": golden["a"]}) == ["b: in the golden file, not in the run"]
