"""scripts/findings.py rebuilds docs/findings' tables and maps from the experiments: here on
the reduced configuration (2 values per assumption, 2 replicates, 2,000 residents, 52 weeks),
every experiment of scenarios/experiments/, into a temporary directory."""
import subprocess
import sys

from integration_env import ROOT

EXPERIMENTS = sorted(p.stem for p in (ROOT / "scenarios" / "experiments").glob("*.yaml"))


def test_every_essay_contrast_has_an_experiment():
    assert EXPERIMENTS == ["ackerman", "campaign_to_organization", "canon", "friction", "milwaukee_new_york",
                           "organizer_in_chief"]
    for name in EXPERIMENTS:
        text = (ROOT / "scenarios" / "experiments" / f"{name}.yaml").read_text()
        head = "".join(line for line in text.splitlines(True) if line.startswith("#"))
        for part in ("Question:", "Essays' positions:", "Cost:"):
            assert part in head, f"{name}: its comment block lacks '{part}'"


def test_findings_script_rebuilds_tables_and_maps(tmp_path):
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "findings.py"), "--reduced", "--out",
                        str(tmp_path / "out"), "--docs", str(tmp_path / "docs")], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    for name in EXPERIMENTS:
        md = (tmp_path / "docs" / f"{name}.md").read_text()
        assert "## Where each is higher beyond the noise" in md and "| headline |" in md
        assert "4 design points x 2 replicates" in md
        png = (tmp_path / "docs" / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000
