"""The package installs with `pip install --no-deps --no-build-isolation -e analysis/` (into a
throwaway virtual environment that sees Debian's packages) and imports from anywhere; the
`tribune-analysis` command comes with it, on Debian's Python."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from analysis_env import ROOT


def test_editable_install(tmp_path, run_file):
    if subprocess.run([sys.executable, "-m", "venv", "--help"], capture_output=True).returncode != 0:
        pytest.skip("python3-venv is not installed")
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", env_dir], check=True)
    py = env_dir / "bin" / "python"
    p = subprocess.run([py, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-e", ROOT / "analysis"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    q = subprocess.run([py, "-c", "import tribune_analysis as ta; print(ta.__version__, ta.__file__)"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert q.returncode == 0, q.stderr
    assert q.stdout.startswith("0.1.0") and str(ROOT / "analysis") in q.stdout
    cmd = env_dir / "bin" / "tribune-analysis"
    shebang = cmd.read_text().splitlines()[0]
    interpreter = pathlib.Path(shebang[2:].strip())
    assert os.path.realpath(interpreter).startswith(os.path.realpath("/usr/bin/python3")), shebang
    r = subprocess.run([cmd, "summary", run_file], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and "hope_mean" in r.stdout, r.stderr
    shutil.rmtree(env_dir)
