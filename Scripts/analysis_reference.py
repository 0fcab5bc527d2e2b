"""Writes Fixtures/analysis/reference.json: smoothed curves and group statistics of the fixtures'
scalars as computed independently of our Swift code, for Tests/TFEventsTests/AnalysisReferenceTests.swift.

- "smoothing": every scalar series of every fixture, as TensorBoard's Python loader sees it (the
  `scalars` section of Fixtures/logdirs/<name>.tensorboard.json), smoothed at several weights by
  TensorBoard's scalar-dashboard rule, written out here in Python: a debiased exponential moving
  average over the finite values (last = last * w + (1 - w) * v; shown as last / (1 - w^n)),
  non-finite values shown as they are, and a series of equal values left as it is.
- "groups": the runs of tbx_seeds folded by the pattern `seed_?\\d+` (the pattern removed from the
  run name, separators at the ends trimmed), each tag at the steps all runs of a group share (a
  run's last point at a step counts), with numpy's mean, std (ddof=0), var, median, min and max
  over the runs.

Arrays are base64 of little-endian float64, so every value is exact.

Usage: .venv-fixtures/bin/python Scripts/analysis_reference.py Fixtures/analysis/reference.json
"""
import base64
import json
import math
import os
import re
import sys

import numpy as np

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "logdirs")
WEIGHTS = [0.0, 0.3, 0.6, 0.9, 0.99, 1.0]
PATTERN = r"seed_?\d+"


def b64(values):
    return base64.b64encode(np.asarray(values, dtype="<f8").tobytes()).decode()


def smooth(values, weight):
    if values and all(v == values[0] for v in values):
        return list(values)
    last, count, out = 0.0, 0, []
    for v in values:
        if not math.isfinite(v):
            out.append(v)
            continue
        last = last * weight + (1 - weight) * v
        count += 1
        out.append(last / (1 if weight == 1 else 1 - math.pow(weight, count)))
    return out


def group_name(run):
    name = re.sub(PATTERN, "", run)
    name = re.sub(r"([/_\-.,= ])[/_\-.,= ]", r"\1", name) if name != run else name
    return name.strip("/_-.,= ") or "."


def main():
    reference = {"weights": WEIGHTS, "smoothing": [], "groups": []}
    for file in sorted(os.listdir(FIXTURES)):
        if not file.endswith(".tensorboard.json"):
            continue
        logdir = file[: -len(".tensorboard.json")]
        with open(os.path.join(FIXTURES, file)) as f:
            view = json.load(f)
        for run, tags in sorted(view["scalars"].items()):
            for tag, points in sorted(tags.items()):
                values = [float(p[2]) for p in points]
                reference["smoothing"].append({
                    "logdir": logdir, "run": run, "tag": tag, "values": b64(values),
                    "smoothed": [b64(smooth(values, w)) for w in WEIGHTS],
                })
        if logdir != "tbx_seeds":
            continue
        groups = {}
        for run in sorted(view["scalars"]):
            groups.setdefault(group_name(run), []).append(run)
        for group, runs in sorted(groups.items()):
            tags = sorted(set.intersection(*(set(view["scalars"][r]) for r in runs)))
            for tag in tags:
                last = [{p[1]: (p[0], float(p[2])) for p in view["scalars"][r][tag]} for r in runs]
                steps = sorted(set.intersection(*(set(d) for d in last)))
                values = np.array([[d[s][1] for s in steps] for d in last], dtype=np.float64)
                reference["groups"].append({
                    "logdir": logdir, "pattern": PATTERN, "group": group, "runs": runs, "tag": tag,
                    "steps": steps,
                    "mean": b64(np.mean(values, axis=0)), "std": b64(np.std(values, axis=0)),
                    "var": b64(np.var(values, axis=0)), "median": b64(np.median(values, axis=0)),
                    "min": b64(np.min(values, axis=0)), "max": b64(np.max(values, axis=0)),
                })
    with open(sys.argv[1], "w") as f:
        json.dump(reference, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(reference['smoothing'])} smoothed series, {len(reference['groups'])} group tags", file=sys.stderr)


if __name__ == "__main__":
    main()
