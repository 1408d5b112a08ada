"""Shared fixtures: where the tribune binary is, and a helper to run it."""
import os
import pathlib
import subprocess

import pytest

from integration_env import DATA, ROOT  # noqa: F401


@pytest.fixture(scope="session")
def tribune():
    exe = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))
    if not pathlib.Path(exe).exists():
        pytest.fail(f"tribune binary not found at {exe}: build first (bash scripts/build.sh) or set TRIBUNE")

    def run(*args, check=None, **kw):
        p = subprocess.run([exe, *map(str, args)], capture_output=True, text=True, cwd=kw.pop("cwd", ROOT), **kw)
        if check is not None:
            assert p.returncode == check, f"exit {p.returncode}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}"
        return p

    run.exe = exe
    return run


@pytest.fixture(scope="session")
def small_run(tribune, tmp_path_factory):
    """The baseline scenario made small: one output file shared by the read-only tests."""
    out = tmp_path_factory.mktemp("run") / "small.h5"
    tribune("run", "scenarios/baseline.yaml", "-o", out, "--set", "world.persons=3000",
            "--set", "output.snapshot_every=26", check=0)
    return out
