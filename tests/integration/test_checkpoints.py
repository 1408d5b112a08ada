"""Checkpoint and resume (issue 18): `tribune run --checkpoint-every K` writes OUTPUT.ckpt every K
ticks and at a stop; `tribune resume OUTPUT.ckpt` continues to the same output. A run killed
(SIGKILL) or stopped (SIGTERM) at seeded random moments and resumed, with 1 or 2 threads, gives
datasets bit-identical to an uninterrupted run without checkpoints: series, event tables and
snapshots."""
import os
import random
import shutil
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


SWEEP = """name: ck
scenario: {base}
replicates: 2
set: ["world.persons=40000", "output.snapshot_every=6"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.legislation.translation_friction, values: [0.1, 0.9]}}
"""


@pytest.fixture(scope="module")
def clean_sweep(tribune, tmp_path_factory):
    d = tmp_path_factory.mktemp("sweep")
    (d / "s.yaml").write_text(SWEEP.format(base=ROOT / "scenarios" / "baseline.yaml"))
    tribune("sweep", "run", d / "s.yaml", "-o", d / "clean", "-q", "--threads", "1", check=0)
    return d / "s.yaml", {f.name: datasets(f) for f in sorted((d / "clean" / "runs").glob("*.h5"))}


def sweep_until(tribune, sweep, d, ready, sig, *more):
    """Start `sweep run` (two runs at a time, one thread each) and send `sig` once `ready(runs/)`
    holds (polled every 5 ms), so that the signal lands while runs are between ticks."""
    p = subprocess.Popen([tribune.exe, "sweep", "run", str(sweep), "-o", str(d), "-q", "--jobs", "2", "--threads", "1",
                          *more], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t0 = time.time()
    while not ready(d / "runs"):
        assert p.poll() is None and time.time() - t0 < 60, "the sweep ended before the moment to stop it"
        time.sleep(0.005)
    p.send_signal(sig)
    out, err = p.communicate(timeout=60)
    return p.returncode, err


def test_stopped_sweep_continues_its_runs_from_checkpoints(tribune, tmp_path, clean_sweep):
    """SIGTERM once the first runs have spooled their tick-6 snapshot: each running run writes a
    checkpoint and status calls it stopped; `sweep run` again continues those runs (it says how
    many) and every run file equals the uninterrupted sweep's, snapshots included."""
    sweep, clean = clean_sweep
    d = tmp_path / "cut"
    rc, err = sweep_until(tribune, sweep, d, lambda r: any(r.glob("*.partial.d/snapshot-0000000006.bin")),
                          signal.SIGTERM)
    assert rc == 130 and "checkpointed" in err, err
    status = tribune("sweep", "status", d, check=1).stdout
    stopped = int(status.split(" stopped")[0].rsplit(" ", 1)[1])
    assert stopped >= 1 and len(list((d / "runs").glob("*.h5.ckpt"))) == stopped, status
    again = tribune("sweep", "run", sweep, "-o", d, "-q", check=0).stdout
    assert f"({stopped} continued from checkpoints)" in again, again
    assert {f.name: datasets(f) for f in sorted((d / "runs").glob("*.h5"))} == clean
    assert sorted(f.name for f in (d / "runs").iterdir()) == sorted(clean)  # no checkpoint, spool or tmp left


def test_killed_sweep_with_periodic_checkpoints_continues_them(tribune, tmp_path, clean_sweep):
    """kill -9 once a run has written a periodic checkpoint (--checkpoint-every 4): the rerun
    continues from it and the results are the uninterrupted sweep's."""
    sweep, clean = clean_sweep
    d = tmp_path / "killed"
    sweep_until(tribune, sweep, d, lambda r: any(r.glob("*.h5.ckpt")), signal.SIGKILL, "--checkpoint-every", "4")
    assert tribune("sweep", "status", d, check=1).stdout.count("stopped") >= 1
    again = tribune("sweep", "run", sweep, "-o", d, "-q", "--checkpoint-every", "4", check=0).stdout
    assert "(0 continued" not in again, again
    assert {f.name: datasets(f) for f in sorted((d / "runs").glob("*.h5"))} == clean
    assert sorted(f.name for f in (d / "runs").iterdir()) == sorted(clean)


def test_a_checkpoint_of_another_run_is_set_aside(tribune, tmp_path, clean_sweep):
    """A sweep directory whose run 0 holds run 1's checkpoint (as after copying files by hand):
    the run starts over with a warning and still gives its own result."""
    sweep, clean = clean_sweep
    d = tmp_path / "mixed"
    sweep_until(tribune, sweep, d, lambda r: (r / "run-000001.h5.ckpt").exists(), signal.SIGKILL,
                "--checkpoint-every", "2")
    for f in (d / "runs").glob("run-000000.h5*"):
        shutil.rmtree(f) if f.is_dir() else f.unlink()
    shutil.copy(d / "runs" / "run-000001.h5.ckpt", d / "runs" / "run-000000.h5.ckpt")
    p = tribune("sweep", "run", sweep, "-o", d, "-q", check=0)
    assert "run-000000.h5.ckpt not used (it belongs to another scenario or output)" in p.stderr, p.stderr
    assert {f.name: datasets(f) for f in sorted((d / "runs").glob("*.h5"))} == clean


def fake_scontrol(tmp_path, time_left=None):
    """An `scontrol` first on the PATH that records its arguments, standing in for SLURM's; and a
    `squeue` that prints `time_left` (as `squeue -o %L` does) or, without it, fails."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "scontrol").write_text(f"#!/bin/sh\necho \"$@\" >> {tmp_path / 'scontrol.log'}\n")
    (bin_dir / "squeue").write_text(f"#!/bin/sh\necho {time_left}\n" if time_left else "#!/bin/sh\nexit 1\n")
    for tool in ("scontrol", "squeue"):
        (bin_dir / tool).chmod(0o755)
    return dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SLURM_JOB_ID="4242")


def test_a_task_stopped_by_sigusr1_requeues_itself_only_after_progress(tribune, tmp_path, clean_sweep):
    """`sweep task --requeue` in a SLURM job: SIGUSR1 (the signal the script asks for before the
    time limit) once the run is under way checkpoints it and calls `scontrol requeue JOB`; SIGUSR1
    before any progress, or SIGTERM (scancel), does not requeue (a loop, or the user's wish)."""
    sweep, clean = clean_sweep
    d = tmp_path / "task"
    tribune("sweep", "submit", sweep, "-o", d, "--dry-run", check=0)
    env = fake_scontrol(tmp_path)
    log = tmp_path / "scontrol.log"

    def task(sig, ready):
        p = subprocess.Popen([tribune.exe, "sweep", "task", str(d), "--task", "0", "--requeue", "--threads", "1"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = p.stderr.readline()  # "tribune: sweep 'ck' task 0: ...": the handlers are in place
        t0 = time.time()
        while not ready():
            assert p.poll() is None and time.time() - t0 < 60, "the task ended before the moment to stop it"
            time.sleep(0.005)
        p.send_signal(sig)
        return first + p.communicate(timeout=60)[1], p.returncode

    err, rc = task(signal.SIGUSR1, lambda: True)  # as soon as it starts: nothing done yet
    assert rc == 130 and "not requeued, as it would loop" in err and not log.exists(), err
    err, rc = task(signal.SIGUSR1, lambda: (d / "runs" / "run-000000.h5.partial.d" / "snapshot-0000000006.bin").exists())
    assert rc == 130 and "requeueing job 4242" in err, err
    assert log.read_text() == "requeue 4242\n" and (d / "runs" / "run-000000.h5.ckpt").exists()
    err, rc = task(signal.SIGTERM, lambda: True)
    assert rc == 130 and "requeue" not in err and log.read_text() == "requeue 4242\n", err
    p = subprocess.run([tribune.exe, "sweep", "task", str(d), "--task", "0", "--requeue", "--threads", "1"], cwd=ROOT,
                       env=env, capture_output=True, text=True)
    assert p.returncode == 0 and "1 continued from checkpoints" in p.stderr, p.stderr
    assert datasets(d / "runs" / "run-000000.h5") == clean["run-000000.h5"]


def test_a_task_weighs_sigusr1_against_the_time_left_and_keeps_its_own_deadline(tribune, tmp_path):
    """Slurm 22.05 sends the --signal warning again as a requeued job starts (docs/robustness.md):
    a SIGUSR1 while squeue says much more than the lead is left is set aside and the run goes on;
    and a task whose time left falls to the lead stops and checkpoints by its own clock, signal or not."""
    sweep = tmp_path / "long.yaml"  # one run of some seconds
    sweep.write_text(SWEEP.format(base=ROOT / "scenarios" / "baseline.yaml").replace(
        '"output.snapshot_every=6"', '"output.snapshot_every=500", "horizon_weeks=3000"'))
    d = tmp_path / "long"
    tribune("sweep", "submit", sweep, "-o", d, "--dry-run", check=0)
    cmd = [tribune.exe, "sweep", "task", str(d), "--task", "0", "--requeue", "--threads", "1", "--checkpoint-lead", "30"]
    env = fake_scontrol(tmp_path, time_left="10:00")  # 600 s left: a SIGUSR1 now is not the warning
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert "task 0: runs 0..0" in p.stderr.readline()
    assert "600s left of the job's time limit; checkpointing 30s before it" in p.stderr.readline()
    p.send_signal(signal.SIGUSR1)
    err = p.communicate(timeout=120)[1]
    assert p.returncode == 0 and "SIGUSR1 with 600s left of the time limit, more than the 30s lead" in err, err
    assert (d / "runs" / "run-000000.h5").exists()

    (d / "runs" / "run-000000.h5").unlink()
    env = fake_scontrol(tmp_path, time_left="0:31")  # the deadline falls a second after the start
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 130 and "30s before the time limit and no SIGUSR1 from SLURM" in p.stderr, p.stderr
    assert "requeueing job 4242" in p.stderr and (d / "runs" / "run-000000.h5.ckpt").exists(), p.stderr
