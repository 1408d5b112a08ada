"""The Sobol estimator recovers the known indices of the Ishigami function."""
import numpy as np
import pytest
from scipy.stats import qmc

import tribune_analysis as ta

A, B = 7.0, 0.1
# Analytic indices (Ishigami and Homma 1990; Saltelli et al. 2008, p. 179).
V1 = 0.5 * (1 + B * np.pi**4 / 5) ** 2
V2 = A**2 / 8
V13 = B**2 * np.pi**8 * (1 / 18 - 1 / 50)
V = V1 + V2 + V13
S1 = np.array([V1 / V, V2 / V, 0.0])
ST = np.array([(V1 + V13) / V, V2 / V, V13 / V])


def ishigami(x):
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def saltelli_rows(n, d, second_order=False):
    """The design in tribune's order (sim/sweep/designs.cpp): A, AB_1..AB_d, (BA_1..BA_d,) B per
    base row."""
    m = int(np.ceil(np.log2(n + 1)))
    base = qmc.Sobol(2 * d, scramble=False).random_base2(m)[1:n + 1]  # tribune's Sobol skips the zero point
    rows = []
    for r in base:
        a, b = r[:d], r[d:]
        rows.append(a)
        for i in range(d):
            ab = a.copy()
            ab[i] = b[i]
            rows.append(ab)
        if second_order:
            for i in range(d):
                ba = b.copy()
                ba[i] = a[i]
                rows.append(ba)
        rows.append(b)
    return np.array(rows)


def test_ishigami_indices():
    n, d = 4096, 3
    x = -np.pi + 2 * np.pi * saltelli_rows(n, d)
    res = ta.sobol_indices(ishigami(x), ["x1", "x2", "x3"], n_boot=300)
    # Tolerance 0.03: the estimators' error at N = 4096 Sobol points is about 0.01 (the bootstrap
    # half-widths printed below are of that size); 0.03 leaves room without hiding a wrong formula
    # (swapping first and total order, or A and B, moves x1 or x3 by more than 0.2).
    np.testing.assert_allclose(res["S1"].values, S1, atol=0.03)
    np.testing.assert_allclose(res["ST"].values, ST, atol=0.03)
    assert (res["S1_low"] <= res["S1"]).all() and (res["S1"] <= res["S1_high"]).all()
    half = (res["ST_high"] - res["ST_low"]).max() / 2
    assert 0 < half < 0.05, res


def test_design_size_is_checked():
    with pytest.raises(ValueError, match="N \\(d \\+ 2\\)"):
        ta.sobol_indices(np.zeros(11), ["a", "b", "c"])


def test_sweep_sobol_on_a_real_saltelli_sweep(saltelli_file):
    sw = ta.open_sweep(saltelli_file)
    res = ta.sweep_sobol(sw, "protesters", reduce="mean", n_boot=200)
    assert list(res.index) == sw.attrs["swept"]
    assert np.isfinite(res[["S1", "ST"]].values).all()
    # The protest threshold matters for how many protest: its total index is not negligible.
    assert res.loc["mechanisms.mobilization.threshold_mean", "ST"] > 0.1


def test_ishigami_second_order_indices():
    """Ishigami's only interaction is x1 x x3: S13 = V13 / V = 0.244, S12 = S23 = 0. Tolerance 0.05:
    the second-order estimator is noisier than the first-order one (its bootstrap half-widths at N
    = 4096 are about 0.03); a wrong pairing (BA_i with AB_i, or A with B swapped) moves S13 by
    more than 0.2."""
    n, d = 4096, 3
    x = -np.pi + 2 * np.pi * saltelli_rows(n, d, second_order=True)
    res = ta.sobol_indices(ishigami(x), ["x1", "x2", "x3"], n_boot=200, second_order=True)
    np.testing.assert_allclose(res["S1"].values, S1, atol=0.03)  # the first order is unchanged by the BA_i
    s2 = res.attrs["S2"]["S2"]
    assert s2[("x1", "x3")] == pytest.approx(V13 / V, abs=0.05)
    assert s2[("x1", "x2")] == pytest.approx(0, abs=0.05) and s2[("x2", "x3")] == pytest.approx(0, abs=0.05)
    assert res.attrs["N"] == n


def test_few_samples_warn():
    x = -np.pi + 2 * np.pi * saltelli_rows(64, 3)
    with pytest.warns(ta.sobol.SobolSampleWarning, match="N = 64"):
        ta.sobol_indices(ishigami(x), ["x1", "x2", "x3"], n_boot=100)
