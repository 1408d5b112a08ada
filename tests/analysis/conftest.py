"""Fixtures for the analysis package's tests: real outputs made by `tribune run` and
`tribune sweep`, small enough to be quick."""
import pytest

from analysis_env import ROOT, tribune


@pytest.fixture(scope="session")
def run_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "baseline.h5"
    tribune("run", "scenarios/baseline.yaml", "-q", "-o", out, "--set", "world.persons=3000",
            "--set", "horizon_weeks=70")
    return out


SWEEP = """name: grid
scenario: {base}
replicates: 3
set: ["world.persons=1500", "horizon_weeks=20"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.mobilization.threshold_mean, values: [0.2, 0.4]}}
  - {{path: mechanisms.mobilization.police_per_1000, values: [1, 8]}}
"""


@pytest.fixture(scope="session")
def sweep_file(tmp_path_factory):
    d = tmp_path_factory.mktemp("sweep")
    (d / "grid.yaml").write_text(SWEEP.format(base=ROOT / "scenarios" / "baseline.yaml"))
    tribune("sweep", "run", d / "grid.yaml", "-o", d / "dir", "-q", "--jobs", "2")
    tribune("sweep", "merge", d / "dir", "-o", d / "grid.h5")
    return d / "grid.h5"


SALTELLI = """name: sens
scenario: {base}
set: ["world.persons=1000", "horizon_weeks=12"]
design: {{kind: saltelli, samples: 8}}
parameters:
  - {{path: mechanisms.mobilization.threshold_mean, min: 0.1, max: 0.5}}
  - {{path: mechanisms.mobilization.social, min: 0, max: 0.6}}
"""


@pytest.fixture(scope="session")
def saltelli_file(tmp_path_factory):
    d = tmp_path_factory.mktemp("saltelli")
    (d / "sens.yaml").write_text(SALTELLI.format(base=ROOT / "scenarios" / "baseline.yaml"))
    tribune("sweep", "run", d / "sens.yaml", "-o", d / "dir", "-q", "--jobs", "2")
    tribune("sweep", "merge", d / "dir", "-o", d / "sens.h5")
    return d / "sens.h5"
