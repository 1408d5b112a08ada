"""Writing that fails safely (issue 18): on a full disk or a file-size limit, a run, a sweep and a
merge stop with exit 1 and one line naming the file and the cause; no file appears at the final
path, the partial file is removed, nothing crashes at exit. Two ways to fill the disk: a small
tmpfs (needs root and mount; skipped otherwise) and RLIMIT_FSIZE (ulimit -f), which works
anywhere (writes past it fail with EFBIG: tribune ignores SIGXFSZ)."""
import os
import resource
import subprocess
import uuid

import pytest

from integration_env import ROOT


def mount_tmpfs(path, size):
    path.mkdir()
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return p.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of the given size (needs root and mount; the test is skipped otherwise)."""
    mounted = []

    def make(size):
        d = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
        if os.geteuid() != 0 or not mount_tmpfs(d, size):
            pytest.skip("cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)")
        mounted.append(d)
        return d

    yield make
    for d in mounted:
        subprocess.run(["umount", str(d)], check=False)


def check_failed(p, path, cause):
    assert p.returncode == 1, (p.returncode, p.stderr)
    errors = [l for l in p.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 1, p.stderr
    assert errors[0].startswith(f"error: writing {path}.partial failed: ") and cause in errors[0], errors[0]
    assert "HDF5-DIAG" not in p.stderr and len(p.stderr.splitlines()) < 10, p.stderr


@pytest.mark.parametrize("snapshots", [0, 1])
def test_run_on_a_full_disk(tribune, small_disk, snapshots):
    """200 KiB: the baseline run's file (380 KB without snapshots, 1.2 MB with) cannot fit."""
    disk = small_disk("200k")
    out = disk / "run.h5"
    p = tribune("run", "scenarios/baseline.yaml", "-q", "-o", out, "--set", f"output.snapshot_every={snapshots}")
    check_failed(p, out, "No space left on device")
    assert list(disk.iterdir()) == []


def test_sweep_and_merge_on_a_full_disk(tribune, small_disk, tmp_path):
    """500 KiB: the first of six small runs (330 KiB each) fits, the others do not."""
    disk = small_disk("500k")
    sweep = tmp_path / "s.yaml"
    sweep.write_text(f"name: s\nscenario: {ROOT / 'scenarios' / 'baseline.yaml'}\nreplicates: 1\n"
                     "set: [\"world.persons=2000\", \"horizon_weeks=16\"]\ndesign: {kind: factorial}\n"
                     "parameters:\n  - {path: mechanisms.mobilization.police_per_1000, values: [1, 2, 3, 4, 5, 6]}\n")
    d = disk / "sw"
    p = tribune("sweep", "run", sweep, "-o", d, "-q")
    assert p.returncode == 1 and "runs failed" in p.stderr
    status = tribune("sweep", "status", d).stdout
    assert "No space left on device" in status
    assert not list((d / "runs").glob("*.partial"))
    done = len(list((d / "runs").glob("*.h5")))
    assert done >= 1  # the first runs fit
    # Merging the runs that are done onto the same full disk fails cleanly too.
    m = tribune("sweep", "merge", d, "--allow-partial", "-o", disk / "merged.h5")
    assert m.returncode == 1, m.stderr
    assert "No space left on device" in m.stderr and "HDF5-DIAG" not in m.stderr
    assert not (disk / "merged.h5").exists() and not (disk / "merged.h5.partial").exists()


@pytest.mark.parametrize("kib", [64, 300, 900])
def test_run_past_a_file_size_limit(tribune, tmp_path, kib):
    out = tmp_path / "run.h5"

    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (kib << 10, kib << 10))

    p = subprocess.run([tribune.exe, "run", "scenarios/baseline.yaml", "-q", "-o", str(out)], capture_output=True,
                       text=True, cwd=ROOT, preexec_fn=cap)
    check_failed(p, out, "File too large")
    assert list(tmp_path.iterdir()) == []
