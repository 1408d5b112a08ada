"""Hostile input (issue 18): files built to exhaust time or memory are refused before work
starts, with a located message and exit 2, under an address-space limit that a blow-up would
hit (2 GiB: the process is killed or fails to allocate, never just slow); and a run that needs
more memory than the machine has is refused unless --force. The small hostile files (an alias
bomb, deep nesting) are in tests/data/bad_scenarios; these are generated, being large."""
import os
import resource
import subprocess

import pytest

from integration_env import ROOT

LIMIT = 2 << 30  # bytes of address space for the refused commands


def limited(tribune, *args, env=None, timeout=60):
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    return subprocess.run([tribune.exe, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          preexec_fn=cap, env=env, timeout=timeout)


HEAD = "name: hostile\nhorizon_weeks: 1\n"


def test_million_districts_refused_by_the_list_limit(tribune, tmp_path):
    f = tmp_path / "districts.yaml"
    f.write_text(HEAD + "world:\n  persons: 1000\n  districts:\n"
                 + "".join(f"    - {{name: d{i}}}\n" for i in range(200_000)))
    p = limited(tribune, "validate", f)
    assert p.returncode == 2, p.stderr
    assert "world.districts: takes at most 65535 entries, got 200000" in p.stderr


def test_many_unknown_keys_give_fifty_lines_and_the_count(tribune, tmp_path):
    f = tmp_path / "keys.yaml"
    f.write_text(HEAD + "world: {persons: 100, districts: [{name: a}]}\n"
                 + "".join(f"k{i}: 1\n" for i in range(40_000)))
    p = limited(tribune, "validate", f)
    assert p.returncode == 2
    lines = p.stderr.splitlines()
    assert len(lines) == 52, lines[-3:]
    assert lines[-2].endswith("and 39950 more errors, not shown")
    assert lines[-1] == "40000 errors"


def test_duplicate_names_in_a_long_list_are_found(tribune, tmp_path):
    """60,000 districts, half of them repeats: a linear check (it was quadratic: 10^6 districts did
    not finish in 180 s)."""
    f = tmp_path / "dups.yaml"
    f.write_text(HEAD + "world:\n  persons: 100000\n  districts:\n"
                 + "".join(f"    - {{name: d{i % 30000}}}\n" for i in range(60_000)))
    p = limited(tribune, "validate", f)
    assert p.returncode == 2
    assert "world.districts[30000].name: duplicate district name 'd0'" in p.stderr
    assert p.stderr.splitlines()[-1] == "30000 errors"


@pytest.mark.parametrize("command", [["validate", "FILE"], ["run", "FILE", "-o", "OUT"], ["sweep", "plan", "FILE"]])
def test_oversized_file_refused_before_reading(tribune, tmp_path, command):
    f = tmp_path / "big.yaml"
    with open(f, "w") as out:
        out.write(HEAD)
        out.write(("#" + "x" * (1 << 20) + "\n") * 17)
    p = limited(tribune, *[{"FILE": f, "OUT": tmp_path / "out.h5"}.get(a, a) for a in command])
    assert p.returncode == 2, p.stderr
    assert "limited to 16 MiB" in p.stderr
    assert not (tmp_path / "out.h5").exists() and not (tmp_path / "out.h5.partial").exists()


def test_alias_bomb_as_a_sweep_file(tribune, tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    f = tmp_path / "bomb_sweep.yaml"
    f.write_text("\n".join(lines) + "\n")
    p = limited(tribune, "sweep", "plan", f)
    assert p.returncode == 2, p.stderr
    assert "expands to more than 500000 YAML nodes" in p.stderr


def test_run_needing_more_memory_than_allowed_is_refused_unless_forced(tribune, tmp_path):
    """SLURM's --mem (SLURM_MEM_PER_NODE, in MB) as the binding limit: 500,000 persons need about
    125 MiB by the estimate, refused at 100 MB; --force runs it (the variable binds nothing here)."""
    env = dict(os.environ, SLURM_MEM_PER_NODE="100")
    out = tmp_path / "out.h5"
    args = ["run", "scenarios/baseline.yaml", "-o", out, "--set", "world.persons=500000", "--set", "horizon_weeks=1"]
    p = limited(tribune, *args, env=env)
    assert p.returncode == 2, p.stderr
    assert "this run needs about" in p.stderr and "SLURM's memory allocation" in p.stderr
    assert "--force" in p.stderr
    assert not out.exists() and not out.with_name("out.h5.partial").exists()
    p = limited(tribune, *args, "--force", env=env)
    assert p.returncode == 0, p.stderr
    assert "warning:" in p.stderr and out.exists()


def test_run_past_the_address_space_limit_is_refused(tribune, tmp_path):
    """ulimit -v 2 GiB and 20 million persons (about 3.0 GiB by the estimate): refused before any
    allocation, exit 2, instead of failing to allocate midway."""
    out = tmp_path / "out.h5"
    p = limited(tribune, "run", "scenarios/baseline.yaml", "-o", out, "--set", "world.persons=20000000")
    assert p.returncode == 2, p.stderr
    assert "the address-space limit (ulimit -v)" in p.stderr
    assert not out.exists()
