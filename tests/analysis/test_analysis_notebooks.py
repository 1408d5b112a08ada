"""The notebooks execute headless without error (nbclient, kernel python3 on /usr/bin/python3);
they are stored without outputs."""
import json
import os

import pytest

from analysis_env import ROOT, TRIBUNE

NOTEBOOKS = sorted((ROOT / "analysis" / "notebooks").glob("*.ipynb"))


def test_the_notebooks_are_stored_without_outputs():
    assert [p.name for p in NOTEBOOKS] == ["calibration.ipynb", "getting_started.ipynb", "strategies.ipynb", "sweep.ipynb"]
    for p in NOTEBOOKS:
        for cell in json.loads(p.read_text())["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, p.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes(path):
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    os.environ["TRIBUNE"] = TRIBUNE
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert images >= 3  # the plots were drawn


def test_jupyter_nbconvert_executes_a_notebook_as_written(tmp_path):
    """The command analysis/README.md gives: `jupyter nbconvert --to notebook --execute`
    (jupyter-nbconvert, scripts/debian-packages.txt)."""
    import shutil
    import subprocess
    jupyter = shutil.which("jupyter", path="/usr/bin")
    assert jupyter, "jupyter (Debian's jupyter-core) is not on /usr/bin"
    p = subprocess.run([jupyter, "nbconvert", "--to", "notebook", "--execute", "--output-dir", str(tmp_path),
                        str(ROOT / "analysis" / "notebooks" / "getting_started.ipynb")],
                       capture_output=True, text=True, env=dict(os.environ, TRIBUNE=TRIBUNE),
                       cwd=ROOT / "analysis" / "notebooks")
    assert p.returncode == 0, p.stderr[-3000:]
    assert (tmp_path / "getting_started.ipynb").exists()
