"""A checker of the CF rules tribune's files claim (docs/output_format.md, "netCDF and CF").

No CF checker is packaged for Debian 12 (cfchecker and cf-units are on PyPI only), so this one
checks, with the netCDF4 library (python3-netcdf4) and UDUNITS-2's own parser (the `udunits2`
program of udunits-bin), the rules of CF 1.10 that apply to these files:

- the root group has ``Conventions`` naming CF (2.6.1);
- every HDF5 dataset is a netCDF variable (no dataset without dimension scales, no compound
  type: netCDF tools would not see it);
- every variable has a ``long_name`` or ``standard_name`` (3.2, 3.3);
- every numeric variable has ``units`` that UDUNITS-2 parses (3.1); text variables need none;
- ``flag_values`` has the variable's type and one blank-separated word of ``flag_meanings``
  per value, each word made of letters, digits, '_', '-', '.', '+' and '@' (3.5);
- ``valid_range`` has two values of the variable's type, the first at most the second, and
  every value lies in it (2.5.1: readers mask the rest);
- every group opens in xarray with both the h5netcdf and the netcdf4 engine.

Names that do not begin with a letter or hold other characters than letters, digits and '_'
(CF 2.3 says they *should* not) are returned as warnings: the merged sweep names a swept
parameter's variable by its key path (``mechanisms.opinion.epsilon``).

    /usr/bin/python3 tests/integration/cf_check.py FILE.h5 [...]   # prints problems; exit 1 if any
"""
from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys

import h5py
import netCDF4
import numpy as np
import xarray as xr

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
FLAG_WORD = re.compile(r"^[A-Za-z0-9_.+@-]+$")


@functools.lru_cache(maxsize=None)
def udunits_ok(units: str) -> bool:
    """Whether UDUNITS-2 parses `units` (the udunits2 program, asked to convert to nothing)."""
    if shutil.which("udunits2") is None:
        raise RuntimeError("udunits2 not found: install udunits-bin (scripts/debian-packages.txt)")
    p = subprocess.run(["udunits2", "-H", units, "-W", ""], capture_output=True, text=True)
    return p.returncode == 0 and "recognize" not in (p.stdout + p.stderr)


def _groups(ds, prefix=""):
    yield prefix or "/", ds
    for name, g in ds.groups.items():
        yield from _groups(g, f"{prefix}/{name}")


def check(path) -> tuple[list[str], list[str]]:
    """(problems, warnings) of one file."""
    problems, warnings = [], []
    with netCDF4.Dataset(path) as nc:
        conv = getattr(nc, "Conventions", "")
        if not str(conv).startswith("CF-"):
            problems.append(f"/: Conventions is {conv!r}, not CF-x.y")
        seen = set()
        for gpath, g in _groups(nc):
            for name in list(g.dimensions) + list(g.variables) + ([gpath.rsplit("/", 1)[-1]] if gpath != "/" else []):
                if not NAME.match(name):
                    warnings.append(f"{gpath}: name {name!r} is not letters, digits and '_' (CF 2.3 recommends it)")
            for name, v in g.variables.items():
                where = f"{gpath.rstrip('/')}/{name}"
                seen.add(where)
                attrs = v.ncattrs()
                if "long_name" not in attrs and "standard_name" not in attrs:
                    problems.append(f"{where}: no long_name")
                text = v.dtype == str or getattr(v.dtype, "kind", "") in "SU"
                if not text:
                    if "units" not in attrs:
                        problems.append(f"{where}: numeric variable without units")
                    elif not udunits_ok(v.units):
                        problems.append(f"{where}: units {v.units!r} are not UDUNITS-2")
                if "flag_values" in attrs:
                    fv = np.atleast_1d(v.getncattr("flag_values"))
                    if fv.dtype != v.dtype:
                        problems.append(f"{where}: flag_values are {fv.dtype}, the variable {v.dtype}")
                    words = str(v.getncattr("flag_meanings") if "flag_meanings" in attrs else "").split()
                    if len(words) != len(fv):
                        problems.append(f"{where}: {len(fv)} flag_values but {len(words)} flag_meanings")
                    bad = [w for w in words if not FLAG_WORD.match(w)]
                    if bad:
                        problems.append(f"{where}: flag_meanings words {bad} hold characters CF does not allow")
                if "valid_range" in attrs:
                    vr = np.atleast_1d(v.getncattr("valid_range"))
                    if len(vr) != 2 or vr.dtype != v.dtype or not vr[0] <= vr[1]:
                        problems.append(f"{where}: valid_range {vr!r} ({vr.dtype}) does not fit a {v.dtype} variable")
                    else:  # readers that apply CF masking (netCDF4) would hide values outside it
                        v.set_auto_mask(False)
                        data = np.asarray(v[...], dtype=float)
                        out = np.sum((data < vr[0]) | (data > vr[1]))
                        if out:
                            problems.append(f"{where}: {out} values outside valid_range {list(vr)}")
    # Every HDF5 dataset must be one of the variables netCDF saw.
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and "/" + name not in seen:
                problems.append(f"/{name}: an HDF5 dataset netCDF does not see (compound type or no dimension scales)")
        f.visititems(visit)
        groups = ["/"] + [f"/{n}" for n, o in _h5_groups(f)]
    for gpath in groups:
        for engine in ("h5netcdf", "netcdf4"):
            try:
                xr.open_dataset(path, group=None if gpath == "/" else gpath, engine=engine).close()
            except Exception as e:  # noqa: BLE001 - any failure to open is the finding
                problems.append(f"{gpath}: xarray ({engine}) cannot open it: {type(e).__name__}: {e}")
    return problems, warnings


def _h5_groups(f):
    out = []
    f.visititems(lambda n, o: out.append((n, o)) if isinstance(o, h5py.Group) else None)
    return out


def main(argv):
    bad = 0
    for path in argv:
        problems, warnings = check(path)
        for w in warnings:
            print(f"{path}: warning: {w}")
        for p in problems:
            print(f"{path}: {p}")
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
