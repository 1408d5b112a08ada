#!/usr/bin/env python3
"""Check that every #include in sim/ points down the layers (docs/engine.md, "Layers").

    python3 scripts/check_layers.py [SIM_DIR]

Layers, top to bottom; a file may include its own layer and any layer below it:

    python, app > sweep > scenario, io > engine > model > world > core

(python/ is the Python module's binding, beside app/: each is a front end that includes the
layers below and never the other.)

Inside model/, a section may include its own section, model/switch.h and the sections it
reads (listed in MODEL_READS below), so that a new cross-section include is a decision made here,
not an accident. Exit status 0 when every include is allowed, 1 otherwise (each offending line
is printed as file:line: include "x" (layer a may not include layer b)).
"""
import pathlib
import re
import sys

# Rank of each layer: a file may include a layer of equal or lower rank, except that scenario
# and io share a rank without including each other.
RANK = {"core": 0, "world": 1, "model": 2, "engine": 3, "scenario": 4, "io": 4, "sweep": 5, "app": 6, "python": 6}
SIDEWAYS_FORBIDDEN = {("scenario", "io"), ("io", "scenario"), ("app", "python"), ("python", "app")}

# Which model sections each section may read (besides itself and model/switch.h). Sections talk
# through the world's state, not through each other's code; these are the exceptions, each a
# decision: the elections read an organization's ballot-line rule (organizations/strategy.h)
# and the unions' tallies of members (unions/union_tables.h).
MODEL_READS = {
    "events": set(),
    "society": set(),
    "organizations": set(),
    "unions": set(),
    "movements": set(),
    "elections": {"organizations", "unions"},
    "government": set(),
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(rel):
    parts = rel.parts
    return parts[0] if parts and parts[0] in RANK else None


def section_of(rel):
    parts = rel.parts
    return parts[1] if len(parts) > 2 and parts[0] == "model" else None


def check(sim):
    bad = []
    for path in sorted(sim.rglob("*")):
        if path.suffix not in (".h", ".cpp", ".in"):
            continue
        rel = path.relative_to(sim)
        src = layer_of(rel)
        if src is None:
            bad.append(f"{path}: not in a known layer ({', '.join(RANK)})")
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            inc = pathlib.PurePosixPath(m.group(1))
            dst = layer_of(inc)
            if dst is None:
                bad.append(f"{path}:{n}: include \"{inc}\" is in no layer")
                continue
            if RANK[dst] > RANK[src] or (src, dst) in SIDEWAYS_FORBIDDEN:
                bad.append(f"{path}:{n}: include \"{inc}\" (layer {src} may not include layer {dst})")
                continue
            if src == "model" and dst == "model":
                a, b = section_of(rel), section_of(inc)
                if a and b and a != b and b not in MODEL_READS.get(a, set()):
                    bad.append(f"{path}:{n}: include \"{inc}\" (model/{a} may not read model/{b}; "
                               "see MODEL_READS in scripts/check_layers.py)")
                if a is None and b is not None:
                    bad.append(f"{path}:{n}: include \"{inc}\" (model/ root files are shared by every "
                               "section and include no section)")
    return bad


def main(argv):
    sim = pathlib.Path(argv[0] if argv else pathlib.Path(__file__).resolve().parent.parent / "sim")
    if not sim.is_dir():
        print(f"check_layers: {sim}: not a directory", file=sys.stderr)
        return 2
    bad = check(sim)
    for b in bad:
        print(b)
    if not bad:
        print(f"check_layers: every include in {sim} points down the layers")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
