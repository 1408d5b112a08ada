"""Reading that fails safely (issue 18): a corpus of damaged files made from a real run (truncated,
bytes flipped, a block zeroed, random blocks overwritten, the seal damaged or gone, a foreign HDF5
file, text, an empty file). `tribune info` refuses each with exit 2 and one line saying what is
wrong, before libhdf5 sees it (it crashed on 5 of 7 such files); the analysis package raises
CorruptFileError; a sweep's damaged run files are named by `sweep status` and `sweep merge`,
merged as failed with --allow-partial, and run again by `sweep run`."""
import random
import subprocess
import sys

import h5py
import numpy as np
import pytest

from integration_env import ROOT

sys.path.insert(0, str(ROOT / "analysis"))
import tribune_analysis as ta  # noqa: E402


def damaged(good, out):
    """name -> (path, phrase of the expected message)."""
    data = good.read_bytes()
    n = len(data)
    rng = random.Random(7)
    files = {}

    def put(name, content, phrase):
        p = out / f"{name}.h5"
        p.write_bytes(bytes(content))
        files[name] = (p, phrase)

    put("truncated", data[: n // 2], "is truncated")
    put("truncated_by_one", data[:-1], "is truncated")
    flipped = bytearray(data)
    flipped[n // 2] ^= 0x01
    put("one_bit_flipped", flipped, "is corrupt")
    zeroed = bytearray(data)
    zeroed[4096:8192] = bytes(4096)
    put("block_zeroed", zeroed, "is corrupt")
    blocks = bytearray(data)
    for _ in range(20):
        k = rng.randrange(512, n - 256)
        blocks[k:k + 256] = bytes(rng.randrange(256) for _ in range(256))
    put("random_blocks", blocks, "is corrupt")
    seal = bytearray(data)
    seal[100:110] = b"x" * 10
    put("seal_damaged", seal, "has a damaged seal")
    put("seal_erased", bytes(512) + data[512:], "not a tribune output file")
    put("appended", data + b"tail", "is corrupt")
    put("text", b"name: not an output\n", "not a tribune output file")
    put("empty", b"", "not a tribune output file")
    foreign = out / "foreign.h5"
    with h5py.File(foreign, "w") as f:
        f["x"] = np.arange(10)
    files["foreign"] = (foreign, "HDF5 file without tribune's seal")
    return files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, tribune):
    d = tmp_path_factory.mktemp("corrupt")
    good = d / "good.h5"
    tribune("run", "scenarios/baseline.yaml", "-q", "-o", good, "--set", "world.persons=3000",
            "--set", "output.snapshot_every=13", check=0)
    return good, damaged(good, d)


def test_info_refuses_each_damaged_file(tribune, corpus):
    good, files = corpus
    assert tribune("info", good).returncode == 0
    for name, (path, phrase) in files.items():
        p = tribune("info", path)
        assert p.returncode == 2, (name, p.returncode, p.stderr)
        lines = p.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {path} ") and phrase in lines[0], (name, lines)


def test_analysis_raises_on_each_damaged_file(corpus):
    good, files = corpus
    assert ta.open_run(good).sizes["tick"] > 0
    for name, (path, phrase) in files.items():
        for read in (ta.open_run, ta.summary_statistics, lambda p: ta.events(p, "elections")):
            with pytest.raises(ta.CorruptFileError, match=phrase):
                read(path)


def test_analysis_cli_reports_a_damaged_file(corpus):
    _, files = corpus
    path, phrase = files["one_bit_flipped"]
    p = subprocess.run([sys.executable if sys.executable.startswith("/usr/bin") else "/usr/bin/python3", "-m",
                        "tribune_analysis", "summary", str(path)], capture_output=True, text=True,
                       cwd=ROOT / "analysis")
    assert p.returncode != 0 and phrase in p.stderr and "Segmentation" not in p.stderr


SWEEP = """name: s
scenario: {base}
replicates: 1
set: ["world.persons=1500", "horizon_weeks=12"]
design: {{kind: factorial}}
parameters:
  - {{path: mechanisms.mobilization.police_per_1000, values: [1, 2, 3, 4]}}
"""


def test_sweep_names_damaged_runs_merges_the_rest_and_reruns_them(tribune, tmp_path):
    sweep = tmp_path / "s.yaml"
    sweep.write_text(SWEEP.format(base=ROOT / "scenarios" / "baseline.yaml"))
    d = tmp_path / "dir"
    tribune("sweep", "run", sweep, "-o", d, "-q", check=0)
    clean = tmp_path / "clean.h5"
    tribune("sweep", "merge", d, "-o", clean, check=0)
    run1, run2 = d / "runs" / "run-000001.h5", d / "runs" / "run-000002.h5"
    run1.write_bytes(run1.read_bytes()[:-1000])  # truncated: the cheap check (length) sees it
    data = bytearray(run2.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a flipped byte: only the checksum sees it
    run2.write_bytes(bytes(data))
    status = tribune("sweep", "status", d).stdout
    assert "3 done, 1 failed" in status and "run 1: " in status and "bytes where its seal says" in status
    p = tribune("sweep", "merge", d, "-o", tmp_path / "m.h5")
    assert p.returncode == 1 and "runs 1 (failed)" in p.stderr  # incomplete: refused
    p = tribune("sweep", "merge", d, "--allow-partial", "-o", tmp_path / "m.h5")
    assert p.returncode == 0, p.stderr
    assert "1 run file(s) could not be read" in p.stderr
    with h5py.File(tmp_path / "m.h5") as f:
        assert [s.decode() for s in f["runs"]["status"]] == ["done", "failed", "failed", "done"]
        assert np.isnan(f["timeseries/protesters"][1]).all() and np.isnan(f["timeseries/protesters"][2]).all()
    # Resuming reruns the truncated run; the flipped one passes the cheap check, so the merge
    # (which checks every byte) names it and refuses without --allow-partial.
    tribune("sweep", "run", sweep, "-o", d, "-q", check=0)
    p = tribune("sweep", "merge", d, "-o", tmp_path / "m2.h5")
    assert p.returncode == 2 and "run 2: " in p.stderr and "is corrupt" in p.stderr, p.stderr
    run2.unlink()
    tribune("sweep", "run", sweep, "-o", d, "-q", check=0)
    tribune("sweep", "merge", d, "-o", tmp_path / "m3.h5", check=0)
    with h5py.File(tmp_path / "m3.h5") as a, h5py.File(clean) as b:
        assert a["timeseries/protesters"][()].tobytes() == b["timeseries/protesters"][()].tobytes()
