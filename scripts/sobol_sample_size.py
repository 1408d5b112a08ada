#!/usr/bin/env python3
"""How many base rows a Saltelli design needs: the widest 95% bootstrap interval of a first-order
Sobol index, and the largest error against the analytic indices, on the Ishigami function
(a = 7, b = 0.1: S1 = 0.3139, 0.4424, 0), as the median over 5 scrambled Sobol designs per N.
The figures justify tribune_analysis.sobol's warning threshold (N < 256).

    /usr/bin/python3 scripts/sobol_sample_size.py
"""
import pathlib
import sys

import numpy as np
from scipy.stats import qmc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "analysis"))
import warnings  # noqa: E402

from tribune_analysis.sobol import SobolSampleWarning, sobol_indices  # noqa: E402

ANALYTIC = np.array([0.3139, 0.4424, 0.0])


def ishigami(x):
    return np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])


def design(n, d, seed):
    u = qmc.Sobol(2 * d, scramble=True, seed=seed).random(n) * 2 * np.pi - np.pi
    a, b = u[:, :d], u[:, d:]
    rows = []
    for i in range(n):
        rows.append(a[i])
        for j in range(d):
            ab = a[i].copy()
            ab[j] = b[i, j]
            rows.append(ab)
        rows.append(b[i])
    return np.array(rows)


def main():
    warnings.simplefilter("ignore", SobolSampleWarning)
    print("N     widest S1 interval   largest |S1 error|   (medians of 5 designs)")
    for n in (16, 32, 64, 128, 256, 512, 1024):
        widths, errors = [], []
        for seed in range(5):
            r = sobol_indices(ishigami(design(n, 3, seed)), ["x1", "x2", "x3"], n_boot=300)
            widths.append((r.S1_high - r.S1_low).max())
            errors.append(np.abs(r.S1.values - ANALYTIC).max())
        print(f"{n:<5} {np.median(widths):<20.3f} {np.median(errors):.3f}")


if __name__ == "__main__":
    main()
