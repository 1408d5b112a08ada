#!/usr/bin/env python3
"""Compare every numeric dataset of two tribune output files, bit for bit.

    /usr/bin/python3 scripts/compare_h5.py A.h5 B.h5 [--quiet]

Walks both files; every dataset whose dtype is numeric (or compound, field by field, numeric
fields only) must have the same shape and the same bytes (NaN equals NaN). An event table's
column is named events/<table>/<column> in both formats (format 1: a field of a compound
dataset; format 2: a dataset of the table's group), so files of either format compare. Text datasets
(`/scenario`) and attributes (provenance: commit, wall time, created) are not compared, since
they name the build and the moment. Datasets present in one file only are reported.

Exit status: 0 identical, 1 a difference, 2 bad usage or unreadable file.
"""
import sys

import h5py
import numpy as np


def numeric_datasets(f):
    out = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            dt = obj.dtype
            if dt.names:
                for field in dt.names:
                    if np.issubdtype(dt[field], np.number) or dt[field] == np.bool_:
                        out[f"{name}/{field}" if name.startswith("events/") else f"{name}:{field}"] = (obj, field)
            elif (np.issubdtype(dt, np.number) or dt == np.bool_) and not (
                    name.startswith("events/") and name.endswith("/event")):  # format 2's row index
                out[name] = (obj, None)

    f.visititems(visit)
    return out


def same(a, b):
    if a.shape != b.shape:
        return False
    if np.issubdtype(a.dtype, np.floating):
        return bool(np.array_equal(a, b, equal_nan=True)) and bool(
            np.array_equal(np.signbit(a), np.signbit(b)))
    return bool(np.array_equal(a, b))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    quiet = "--quiet" in argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        fa, fb = h5py.File(args[0], "r"), h5py.File(args[1], "r")
    except OSError as e:
        print(f"compare_h5: {e}", file=sys.stderr)
        return 2
    da, db = numeric_datasets(fa), numeric_datasets(fb)
    differ = []
    for key in sorted(set(da) | set(db)):
        if key not in da or key not in db:
            differ.append(f"{key}: only in {'A' if key in da else 'B'}")
            continue
        (oa, fa_), (ob, fb_) = da[key], db[key]
        a = oa[()] if fa_ is None else oa[()][fa_]
        b = ob[()] if fb_ is None else ob[()][fb_]
        if not same(np.asarray(a), np.asarray(b)):
            differ.append(f"{key}: values differ")
    if not quiet:
        print(f"compared {len(set(da) & set(db))} numeric datasets: "
              f"{'identical' if not differ else f'{len(differ)} differ'}")
    for d in differ:
        print(f"  {d}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
