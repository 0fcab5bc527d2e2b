"""`tfevents reduce` checked by TensorBoard: the seed groups of Fixtures/logdirs/tbx_seeds folded
into mean, std, var, median, min and max runs must come back from TensorBoard's HTTP API, in both
loaders, with exactly numpy's statistics (stored as float32), computed here from TensorBoard's own
view of the fixture (tbx_seeds.tensorboard.json) with the group pattern applied by Python's re;
and with --double, exactly numpy's float64 in the Python loader (the Rust loader shows no float64
scalars, as the README says).

Usage: python check_reduce.py TFEVENTS WORKDIR"""
import json
import os
import re
import subprocess
import sys

import numpy as np

from tensorboard_server import TensorBoard, poll

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "..", "Fixtures", "logdirs", "tbx_seeds")
PATTERN = r"seed_?\d+"
STATS = ["mean", "std", "var", "median", "min", "max"]
NUMPY = {"mean": np.mean, "std": np.std, "var": np.var, "median": np.median, "min": np.min, "max": np.max}


def expected():
    """{(group, stat): {tag: (steps, wall_times, float64 values)}} from TensorBoard's view."""
    with open(FIXTURE + ".tensorboard.json") as f:
        scalars = json.load(f)["scalars"]
    groups = {}
    for run in scalars:
        groups.setdefault(re.sub(PATTERN, "", run).strip("/_"), []).append(run)
    result = {}
    for group, runs in groups.items():
        for tag in set.intersection(*(set(scalars[r]) for r in runs)):
            last = [{p[1]: (p[0], float(p[2])) for p in scalars[r][tag]} for r in runs]
            steps = sorted(set.intersection(*(set(d) for d in last)))
            values = np.array([[d[s][1] for s in steps] for d in last])
            walls = np.mean(np.array([[d[s][0] for s in steps] for d in last]), axis=0)
            for stat in STATS:
                result.setdefault((group, stat), {})[tag] = (steps, walls, NUMPY[stat](values, axis=0))
    return result


def same(a, b):
    a, b = float(a), float(b)  # TensorBoard sends non-finite values as strings
    return a == b or (np.isnan(a) and np.isnan(b))


def check_server(tb, want, cast, failures):
    runs, problems = poll(lambda: tb.get("/data/runs"),
                          lambda r: [] if sorted(r) == sorted(f"{g}/{s}" for g, s in want) else [f"runs {r}"])
    failures += [f"{tb.mode}: {p}" for p in problems]
    checked = 0
    for (group, stat), tags in sorted(want.items()):
        run = f"{group}/{stat}"
        for tag, (steps, walls, values) in sorted(tags.items()):
            got, problems = poll(lambda: tb.get("/data/plugin/scalars/scalars", run=run, tag=tag),
                                 lambda r: [] if len(r) == len(steps) else [f"{len(r)} points"], timeout=60)
            if problems:
                failures.append(f"{tb.mode}: {run} {tag}: {problems}")
                continue
            for (wall, step, value), s, w, v in zip(got, steps, walls, values):
                if step != s or abs(wall - w) > 1e-6 or not same(value, cast(v)):
                    failures.append(f"{tb.mode}: {run} {tag} step {step}: got {value!r} at {wall}, "
                                    f"want {cast(v)!r} at step {s}, {w}")
                    break
                checked += 1
    return checked


def main():
    tfevents, work = sys.argv[1], sys.argv[2]
    want = expected()
    failures = []
    for name, extra in (("float32", []), ("float64", ["--double"])):
        out = os.path.join(work, f"reduced-{name}")
        subprocess.run([tfevents, "reduce", FIXTURE, "--group", PATTERN, "--stats", ",".join(STATS),
                        "--output", out, *extra], check=True, capture_output=True)
        if name == "float32":
            for load_fast in (False, True):
                with TensorBoard(out, load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb:
                    n = check_server(tb, want, lambda v: float(np.float32(v)), failures)
                    print(f"reduce, float32, {tb.mode} loader: {n} points checked")
        else:
            with TensorBoard(out, False, ["--samples_per_plugin", "scalars=100000"]) as tb:
                n = check_server(tb, want, float, failures)
                print(f"reduce, float64, {tb.mode} loader: {n} points checked")
    for f in failures[:20]:
        print("FAIL:", f)
    print(f"reduce in TensorBoard: {'ok' if not failures else f'{len(failures)} failures'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
