"""A sweep task that outlives its SLURM time limit, on the real single-node cluster (issue 18):
the task is given one minute (`--time 1`) for a run of about a minute of work, SLURM sends SIGUSR1
ahead of the limit (`--signal=B:USR1@50` in the script), the task checkpoints its run and requeues
itself, and the requeued task continues from the checkpoint until the run is done. The run file
equals the same run's on this machine without interruption, bit for bit, snapshots included.

About three minutes (the run's minute of work, plus SLURM's wait before a requeued job is eligible
again, some 30 s per requeue), so it runs with the slower checks (scripts/test_slow.sh sets
TRIBUNE_SLOW=1)."""
import os
import re
import subprocess
import time

import pytest

from integration_env import ROOT
from test_checkpoints import datasets
from test_slurm import cluster  # noqa: F401 (the fixture)

pytestmark = pytest.mark.skipif(os.environ.get("TRIBUNE_SLOW") != "1",
                                reason="slow (about 3 minutes): scripts/test_slow.sh runs it (TRIBUNE_SLOW=1)")

# 200,000 persons for 4,000 weeks: about 16 ms a tick on one core of this machine, a minute or
# more of work, so the first attempt is always cut short (SLURM's signal comes 10 to 40 s in).
SWEEP = """name: walltime
scenario: {base}
replicates: 1
set: ["world.persons=200000", "horizon_weeks=4000", "output.snapshot_every=1000"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.legislation.translation_friction, values: [0.5]}}
"""


def test_a_task_past_its_time_limit_checkpoints_requeues_and_finishes(tribune, cluster, tmp_path):  # noqa: F811
    sweep = tmp_path / "w.yaml"
    sweep.write_text(SWEEP.format(base=ROOT / "scenarios" / "baseline.yaml"))
    clean = subprocess.Popen([tribune.exe, "sweep", "run", str(sweep), "-o", str(tmp_path / "clean"), "-q",
                              "--threads", "1"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    d = tmp_path / "slurm"
    p = tribune("sweep", "submit", sweep, "-o", d, "--time", "1", "--checkpoint-lead", "50", env=cluster, check=0)
    assert re.search(r"submitted\s+job \d+", p.stdout), p.stdout
    script = (d / "submit.sbatch").read_text()
    assert "#SBATCH --signal=B:USR1@30" in script and "#SBATCH --requeue" in script  # the lead: half the minute
    assert "--requeue --checkpoint-lead 30" in script
    run = d / "runs" / "run-000000.h5"
    t0 = time.time()
    while not run.exists():
        assert time.time() - t0 < 900, "the run did not finish in 900 s:\n" + "".join(
            f.read_text() for f in (d / "logs").glob("*.log"))
        time.sleep(1)
    assert clean.wait(timeout=600) == 0, clean.stderr.read()
    log = "".join(f.read_text() for f in sorted((d / "logs").glob("*.log")))
    requeues = log.count("requeueing job")
    assert requeues >= 1 and "stopped by signal 10; 1 run checkpointed" in log, log
    assert "1 continued from checkpoints" in log, log
    assert datasets(run) == datasets(tmp_path / "clean" / "runs" / "run-000000.h5")
    assert sorted(f.name for f in (d / "runs").iterdir()) == ["run-000000.h5"]
    print(f"requeued {requeues} times; log:\n{log}")
