"""Checkpoint and resume (issue 18): `tribune run --checkpoint-every K` writes OUTPUT.ckpt every K
ticks and at a stop; `tribune resume OUTPUT.ckpt` continues to the same output. A run killed
(SIGKILL) or stopped (SIGTERM) at seeded random moments and resumed, with 1 or 2 threads, gives
datasets bit-identical to an uninterrupted run without checkpoints: series, event tables and
snapshots."""
import random
import signal
import subprocess
import time

import h5py
import pytest

from integration_env import ROOT

SETS = ["--set", "world.persons=40000", "--set", "output.snapshot_every=6"]


def datasets(path):
    out = {}
    with h5py.File(path) as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                v = obj[()]
                if isinstance(v, (bytes, str)):  # a scalar string (the resolved scenario)
                    out[name] = v
                else:
                    out[name] = v.tolist() if (v.dtype.kind in "OSUV" or v.dtype.names) else v.tobytes()
        f.visititems(visit)
    return out


@pytest.fixture(scope="module")
def plain(tribune, tmp_path_factory):
    out = tmp_path_factory.mktemp("plain") / "plain.h5"
    tribune("run", "scenarios/baseline.yaml", "-q", "-o", out, *SETS, check=0)
    return datasets(out)


def start(tribune, out, every, *more):
    """One thread: the run takes about a second, and its timing does not depend on another job
    taking the second core (OpenMP's spinning makes two threads erratic on a loaded machine)."""
    return subprocess.Popen([tribune.exe, "run", "scenarios/baseline.yaml", "-q", "-o", str(out), *SETS,
                             "--checkpoint-every", str(every), "--threads", "1", *more], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def test_checkpointed_run_gives_the_same_output_and_cleans_up(tribune, tmp_path, plain):
    out = tmp_path / "cp.h5"
    p = start(tribune, out, 10)
    assert p.wait(timeout=300) == 0, p.stderr.read()
    assert datasets(out) == plain
    assert sorted(x.name for x in tmp_path.iterdir()) == ["cp.h5"]  # no checkpoint, no spool left


def test_killed_and_resumed_runs_match_the_uninterrupted_one(tribune, tmp_path, plain):
    """Six kills at seeded moments (seed 18) within the run's first 0.9 s; each resumed (half with 1
    thread, half with 2), some resumes killed again and resumed once more."""
    rng = random.Random(18)
    resumed = 0
    for k in range(6):
        out = tmp_path / f"k{k}.h5"
        p = start(tribune, out, rng.choice([3, 7, 10]))
        time.sleep(rng.uniform(0.2, 0.9))
        p.send_signal(signal.SIGKILL)
        p.wait()
        ckpt = out.with_name(out.name + ".ckpt")
        if out.exists():  # the kill came after the end
            assert datasets(out) == plain
            continue
        if not ckpt.exists():  # the kill came before the first checkpoint: nothing to resume
            continue
        threads = str(1 + k % 2)
        if k % 3 == 0:  # kill the resume too, then resume again
            q = subprocess.Popen([tribune.exe, "resume", str(ckpt), "-q", "--threads", threads], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.2)
            q.send_signal(signal.SIGKILL)
            q.wait()
        if not out.exists():
            tribune("resume", ckpt, "-q", "--threads", threads, check=0)
        resumed += 1
        assert datasets(out) == plain, f"kill {k}"
        assert not ckpt.exists() and not out.with_name(out.name + ".partial.d").exists()
    assert resumed >= 3


def test_sigterm_writes_a_checkpoint_and_resume_finishes(tribune, tmp_path):
    """A run of 1,000 weeks (several seconds), stopped at 0.5 s."""
    long = ["--set", "horizon_weeks=1000"]
    tribune("run", "scenarios/baseline.yaml", "-q", "-o", tmp_path / "plain.h5", *SETS, *long, check=0)
    out = tmp_path / "t.h5"
    p = start(tribune, out, 50, *long)
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=60) == 130
    err = p.stderr.read()
    assert "checkpoint written to" in err and "tribune resume" in err
    tribune("resume", out.with_name("t.h5.ckpt"), "-q", "--threads", "1", check=0)
    assert datasets(out) == datasets(tmp_path / "plain.h5")


def test_damaged_or_foreign_checkpoints_are_refused(tribune, tmp_path):
    out = tmp_path / "d.h5"
    p = start(tribune, out, 2, "--set", "horizon_weeks=1000")
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    p.wait(timeout=60)
    ckpt = out.with_name("d.h5.ckpt")
    data = bytearray(ckpt.read_bytes())
    for name, content, phrase in [("cut", data[: len(data) // 2], "is damaged"),
                                  ("flip", data[:100] + bytes([data[100] ^ 1]) + data[101:], "is damaged"),
                                  ("text", b"hello", "is not a tribune checkpoint")]:
        bad = tmp_path / f"{name}.ckpt"
        bad.write_bytes(bytes(content))
        r = tribune("resume", bad)
        assert r.returncode == 2 and phrase in r.stderr, (name, r.stderr)
    assert tribune("resume", tmp_path / "missing.ckpt").returncode == 2
