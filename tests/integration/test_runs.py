"""Whole runs from the command line: reproducibility across threads, and interruption."""
import os
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest

from integration_env import ROOT


def datasets(path):
    out = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, obj: out.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return out


def test_same_seed_same_file_for_any_thread_count(tribune, tmp_path):
    files = []
    for threads in (1, 2, 4):
        out = tmp_path / f"t{threads}.h5"
        tribune("run", "scenarios/baseline.yaml", "-o", out, "--threads", threads, "-q",
                "--set", "world.persons=12000", "--set", "engine.chunk_size=1024", check=0)
        files.append(datasets(out))
    for other in files[1:]:
        assert other.keys() == files[0].keys()
        for k in files[0]:
            a, b = files[0][k], other[k]
            if isinstance(a, np.ndarray) and a.dtype != object:
                assert a.tobytes() == b.tobytes(), k  # bit for bit
            else:
                assert np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b, k


def test_different_seed_different_results(tribune, tmp_path):
    runs = []
    for seed in (1, 2):
        out = tmp_path / f"s{seed}.h5"
        tribune("run", "scenarios/baseline.yaml", "-o", out, "-q", "--seed", seed, "--set", "world.persons=3000",
                check=0)
        runs.append(datasets(out))
    assert not np.array_equal(runs[0]["timeseries/hope_mean"], runs[1]["timeseries/hope_mean"])


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_leaves_no_file_at_the_final_path(tribune, tmp_path, sig):
    out = tmp_path / "big.h5"
    p = subprocess.Popen([tribune.exe, "run", "scenarios/baseline.yaml", "-o", str(out), "--set",
                          "world.persons=300000", "--set", "horizon_weeks=2000"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until the run is ticking (its first progress line), then interrupt it.
    deadline = time.time() + 120
    while time.time() < deadline:
        line = p.stderr.readline()
        if line.startswith("progress: "):
            break
    p.send_signal(sig)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert "interrupted" in err
    assert not out.exists()
    partial = tmp_path / "big.h5.partial"
    assert partial.exists()
    with h5py.File(partial, "r") as f:
        assert f.attrs["complete"] == 0
        done = int(f.attrs["ticks_run"])
        assert 0 < done < 2000
        assert f["timeseries/hope_mean"].shape == (done,)
