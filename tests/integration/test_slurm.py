"""A sweep on a real single-node SLURM cluster (slurmctld, slurmd, munge), started and stopped by
the test (tests/integration/slurm/cluster.sh): the array job's merged file equals the local
sweep's bit for bit; a failed task is reported, resubmitted alone, and the final merge is complete
with no duplicates."""
import os
import re
import shutil
import subprocess
import time

import h5py
import pytest

from integration_env import ROOT
from test_sweep import GROUPS, SCALES, same_bits, write_sweep

CLUSTER = ROOT / "tests" / "integration" / "slurm" / "cluster.sh"

pytestmark = pytest.mark.skipif(
    not (shutil.which("slurmctld") and shutil.which("slurmd") and shutil.which("sbatch") and os.geteuid() == 0),
    reason="SLURM test skipped: slurmctld, slurmd and sbatch (apt-get install slurmctld slurmd slurm-client munge) "
           "and root are needed; the README's test command installs them on Debian")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    d = tmp_path_factory.mktemp("slurm")
    p = subprocess.run(["bash", CLUSTER, "start", d], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    env = dict(os.environ, SLURM_CONF=str(d / "slurm.conf"))
    try:
        yield env
    finally:
        subprocess.run(["bash", CLUSTER, "stop", d], capture_output=True, text=True)


def counts(tribune, d, env):
    out = tribune("sweep", "status", d, env=env).stdout
    m = re.search(r"(\d+) done, (\d+) failed, (\d+) running, (\d+) missing", out)
    return tuple(map(int, m.groups())), out


def wait_settled(tribune, d, env, want_done, timeout=180):
    """Until every run is done or failed (the run files say so, not the scheduler)."""
    t0 = time.time()
    while time.time() - t0 < timeout:
        (done, failed, running, missing), out = counts(tribune, d, env)
        if done + failed == 8 and running == 0 and missing == 0 and done >= want_done:
            return out
        time.sleep(0.5)
    pytest.fail(f"the array job did not finish in {timeout} s:\n{out}")


def test_array_sweep_with_a_failed_task(tribune, cluster, tmp_path):
    sweep = write_sweep(tmp_path)
    # The same sweep run locally, for comparison.
    tribune("sweep", "run", sweep, "-o", tmp_path / "local", "-q", check=0)
    tribune("sweep", "merge", tmp_path / "local", "-o", tmp_path / "local.h5", check=0)

    d = tmp_path / "slurm"
    env = dict(cluster, TRIBUNE_SWEEP_FAIL_RUNS="5")  # sbatch passes the environment to the tasks
    p = tribune("sweep", "submit", sweep, "-o", d, "--max-parallel", "2", env=env, check=0)
    assert re.search(r"submitted\s+job \d+", p.stdout), p.stdout
    out = wait_settled(tribune, d, cluster, want_done=7)
    assert "7 done, 1 failed" in out and "run 5: fault injected" in out
    assert len(list((d / "logs").glob("task-*.log"))) == 8  # one log per array task

    before = {f.name: f.stat().st_mtime_ns for f in (d / "runs").glob("*.h5")}
    p = tribune("sweep", "submit", "--resume", d, env=cluster, check=0)
    assert "array 5%2," in p.stdout  # only the failed run's task, with the throttle kept
    wait_settled(tribune, d, cluster, want_done=8)
    after = {f.name: f.stat().st_mtime_ns for f in (d / "runs").glob("*.h5")}
    assert all(after[k] == v for k, v in before.items())  # nothing done was redone
    assert sorted(after) == [f"run-{i:06d}.h5" for i in range(8)]
    jobs = (d / "jobs.tsv").read_text().splitlines()
    assert len(jobs) == 3 and jobs[1].split("\t")[1] == "0-7%2" and jobs[2].split("\t")[1] == "5%2"

    tribune("sweep", "merge", d, "-o", tmp_path / "slurm.h5", check=0)
    with h5py.File(tmp_path / "slurm.h5") as a, h5py.File(tmp_path / "local.h5") as b:
        assert a.attrs["complete"] == 1
        assert sorted(a["runs"]["run"]) == list(range(8))
        compared = 0
        for g in GROUPS:
            for name in b[g]:
                if name in SCALES or name == "status":
                    continue
                assert same_bits(a[g][name][:], b[g][name][:]), (g, name)
                compared += 1
        assert compared > 60


def test_compare_on_slurm_equals_compare_here(tribune, cluster, tmp_path):
    """`tribune compare --submit` runs each scenario's replicates as an array; the same command
    without --submit then collects them into the file a local comparison writes."""
    a, b = ROOT / "scenarios" / "movement_first.yaml", ROOT / "scenarios" / "class_struggle_election.yaml"
    small = ["--replicates", "2", "--set", "world.persons=1500", "--set", "horizon_weeks=20"]
    local = tribune("compare", a, b, *small, "-o", tmp_path / "local.h5", "-q", "--json", check=0).stdout
    p = tribune("compare", a, b, *small, "-o", tmp_path / "slurm.h5", "--submit", env=cluster, check=0)
    assert len(re.findall(r"submitted\s+job \d+", p.stdout)) == 2, p.stdout
    assert not (tmp_path / "slurm.h5").exists()
    runs = [tmp_path / "slurm.runs" / d for d in ("0-movement_first", "1-class_struggle_election")]
    t0 = time.time()
    while sum(len(list((r / "runs").glob("*.h5"))) for r in runs) < 4:
        assert time.time() - t0 < 180, "the arrays did not finish in 180 s"
        time.sleep(0.5)
    collected = tribune("compare", a, b, *small, "-o", tmp_path / "slurm.h5", "-q", "--json", env=cluster,
                        check=0).stdout
    assert collected == local


def test_submit_options_persist_and_a_dependent_job_merges(tribune, cluster, tmp_path):
    """On the real cluster: an --sbatch-arg reaches sbatch (which refuses options it does not know),
    `submit --merge` adds a job that waits for the array (afterany) and merges the sweep, and a
    resubmission keeps the option; `sweep status` exits 0 only once every run is done."""
    sweep = write_sweep(tmp_path)
    d = tmp_path / "slurm"
    p = tribune("sweep", "submit", sweep, "-o", d, "--sbatch-arg=--comment=tribune-test", "--merge",
                "--max-parallel", "4", env=cluster, check=0)
    jobs = re.findall(r"submitted\s+job (\d+)", p.stdout)
    assert len(jobs) == 2 and "merges into" in p.stdout, p.stdout
    merge = subprocess.run(["scontrol", "show", "job", jobs[1]], capture_output=True, text=True, env=cluster).stdout
    assert f"Dependency=afterany:{jobs[0]}" in merge or "JobState=COMPLETED" in merge or "JobState=RUNNING" in merge
    assert "Comment=tribune-test" in subprocess.run(["scontrol", "show", "job", jobs[0]], capture_output=True,
                                                    text=True, env=cluster).stdout
    merged = d / "small.h5"
    t0 = time.time()
    while not merged.exists():
        assert time.time() - t0 < 240, "the merge job did not write the merged file in 240 s"
        time.sleep(0.5)
    assert tribune("sweep", "status", d, env=cluster).returncode == 0
    with h5py.File(merged) as f:
        assert f.attrs["complete"] == 1 and list(f["runs"]["status"].asstr()[:]) == ["done"] * 8
    (d / "runs" / "run-000002.h5").unlink()  # one run to redo
    assert tribune("sweep", "status", d, env=cluster).returncode == 1
    p = tribune("sweep", "submit", "--resume", d, env=cluster, check=0)
    assert "#SBATCH --comment=tribune-test" in (d / "submit.sbatch").read_text()
    assert "%4" in (d / "submit.sbatch").read_text()  # the throttle too
    wait_settled(tribune, d, cluster, want_done=8)
