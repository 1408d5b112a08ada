"""Paths shared by the integration tests (a plain module: `conftest` is a fixture file, and
tests/analysis has its own)."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
