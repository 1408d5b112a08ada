"""Paths and the tribune binary for the analysis package's tests."""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))  # importable without installing
os.environ.setdefault("MPLBACKEND", "Agg")

TRIBUNE = os.environ.get("TRIBUNE", str(ROOT / "build" / "release" / "tribune"))


def tribune(*args):
    p = subprocess.run([TRIBUNE, *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    return p
