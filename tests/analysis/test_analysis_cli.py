"""`python3 -m tribune_analysis summary` and `plot` from the shell."""
import subprocess
import sys

from analysis_env import ROOT


def module(*args):
    return subprocess.run([sys.executable, "-m", "tribune_analysis", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT / "analysis")


def test_summary_prints_a_table(run_file):
    p = module("summary", run_file)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert "seed 20251104" in lines[0]
    assert lines[1].split()[:7] == ["series", "units", "first", "last", "min", "max", "mean"]
    assert any(line.startswith("hope_mean ") for line in lines)


def test_plot_writes_a_figure(run_file, tmp_path):
    out = tmp_path / "fig.png"
    p = module("plot", run_file, "--series", "org_members", "--out", out)
    assert p.returncode == 0, p.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_of_a_missing_series_is_a_clear_error(run_file, tmp_path):
    p = module("plot", run_file, "--series", "nothing", "--out", tmp_path / "x.png")
    assert p.returncode == 2 and "no series 'nothing'" in p.stderr
    assert not (tmp_path / "x.png").exists()
