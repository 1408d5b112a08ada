"""tribune's engine from Python, in-process: run a scenario and get its series as xarray.

    import sys; sys.path.insert(0, "analysis")          # from the repository's root
    import tribune
    ds = tribune.run("scenarios/baseline.yaml", seed=3, set={"world.persons": 5000})
    ds["protesters"].plot()

``tribune.run`` loads, runs and writes the run's file exactly as ``tribune run`` does (the same
loader, simulation and HDF5 writer, compiled into the ``_tribune`` extension that CMake builds in
``build/<preset>/python/``), then returns what ``tribune_analysis.open_run`` gives for that file,
loaded into memory: the same Dataset, with the same bits. An invalid scenario or override raises
``tribune.ScenarioError`` (a ValueError) whose ``.errors`` hold, per problem, the file, line,
column, key path and message. Ctrl-C stops the run at the next week and raises KeyboardInterrupt.
docs/python.md has the rest.
"""
from __future__ import annotations

import dataclasses
import glob
import importlib.util
import json
import os
import pathlib
import tempfile
import warnings

_HERE = pathlib.Path(__file__).resolve().parent
_ROOT = _HERE.parent.parent


def _load_extension():
    """The compiled engine: $TRIBUNE_PYTHON_MODULE (a directory or the .so), else the
    repository's build directories (release first), else an installed `_tribune`."""
    places = []
    if os.environ.get("TRIBUNE_PYTHON_MODULE"):
        places.append(pathlib.Path(os.environ["TRIBUNE_PYTHON_MODULE"]))
    places += [_ROOT / "build" / p / "python" for p in ("release", "bench", "debug")]
    for place in places:
        files = [place] if place.is_file() else sorted(glob.glob(str(place / "_tribune*.so")))
        for f in files:
            spec = importlib.util.spec_from_file_location("_tribune", f)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    try:
        import _tribune  # noqa: PLC0415 - an installed module, when the repository's build is not there
        return _tribune
    except ImportError:
        raise ImportError(
            "tribune's compiled module (_tribune) was not found in build/release/python/: build it with "
            "`bash scripts/build.sh release` (it needs pybind11-dev and python3-dev), or set "
            "TRIBUNE_PYTHON_MODULE to its directory") from None


_ext = _load_extension()
version = _ext.version


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem with a scenario: where (file, line, column), which key, and what."""
    file: str
    line: int | None
    column: int | None
    key: str
    message: str

    def __str__(self):
        at = self.file + (f":{self.line}:{self.column}" if self.line is not None else "")
        return f"{at}: {self.key + ': ' if self.key else ''}{self.message}"


def _problem(where: str, key: str, message: str) -> Problem:
    parts = where.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return Problem(parts[0], int(parts[1]), int(parts[2]), key, message)
    return Problem(where, None, None, key, message)


class ScenarioError(ValueError):
    """An invalid scenario or override. ``errors``: a list of Problem (file, line, column, key,
    message), every problem the loader found."""

    def __init__(self, message: str, errors: list[Problem]):
        super().__init__(message)
        self.errors = errors


def _override(key: str, value) -> str:
    """`key=value` as --set takes it: booleans as true/false, lists and dicts as YAML flow."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple, dict)):
        text = json.dumps(value)  # JSON is YAML flow
    else:
        text = str(value)
    return f"{key}={text}"


def run(scenario, seed: int | None = None, set: dict | None = None, threads: int | None = None,
        level: str = "city", output=None):
    """Run a scenario in this process and return its series as ``tribune_analysis.open_run``
    returns them for the run's file (``level``: city, district, org, union or party), loaded.

    scenario: a scenario file (path), or YAML text (anything with a line break).
    seed: the random seed (default: the scenario's). set: overrides, {key path: value}, as
    ``--set`` takes them (``{"world.persons": 5000, "offices.mayor.rule": "irv"}``).
    threads: never changes the results (default: as ``tribune run``). output: keep the run's
    HDF5 file there (default: a temporary file, removed).
    """
    import tribune_analysis as ta  # noqa: PLC0415 - imported late: it pulls in matplotlib

    overrides = [_override(k, v) for k, v in (set or {}).items()]
    with tempfile.TemporaryDirectory(prefix="tribune-") as tmp:
        if isinstance(scenario, str) and "\n" in scenario:
            path = pathlib.Path(tmp) / "scenario.yaml"
            path.write_text(scenario)
            scenario = path
        out = pathlib.Path(output) if output is not None else pathlib.Path(tmp) / "run.h5"
        try:
            warned = _ext.run_to_file(str(scenario), str(out), overrides, -1 if seed is None else int(seed),
                                      int(threads or 0))
        except _ext.ScenarioError as e:
            message, diags = e.args
            raise ScenarioError(message, [_problem(*d) for d in diags]) from None
        for d in warned:
            warnings.warn(str(_problem(*d)), UserWarning, stacklevel=2)
        ds = ta.open_run(out, level=level).load()
        ds.close()
        if output is None:
            ds.attrs["path"] = ""  # the temporary file is gone; the data are in memory
    return ds


__all__ = ["run", "ScenarioError", "Problem", "version"]
