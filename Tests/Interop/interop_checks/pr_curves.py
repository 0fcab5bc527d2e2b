"""PR curves: every float32 value of the [6, n] tensor and its metadata in the Python loader, and
what the PR CURVES plugin serves in both loaders: counts as integers, trailing thresholds with
TP + FP = 0 dropped."""
import numpy as np

from tensorboard_server import poll
from .common import same_float

SECTION = "pr_curves"
# Keep every point (the route's default is 100 per tag; we write fewer).
SAMPLES = "pr_curves=1000"


def served(point):
    """What /data/plugin/pr_curves/pr_curves must return for a manifest point, computed as the
    plugin's _make_pr_entry computes it: counts truncated to int (numpy's astype(int) and Python's
    int() of float32 values), the trailing thresholds where int(TP) + int(FP) == 0 dropped (but
    never the first), thresholds from numpy.linspace(0, 1, n)."""
    wall, step, tp, fp, tn, fn, precision, recall = point
    n = len(tp)
    positives = [int(np.float32(a)) + int(np.float32(b)) for a, b in zip(tp, fp)]
    end = n - 1
    while end > 0 and positives[end] == 0:
        end -= 1
    end += 1
    return {
        "wall_time": wall, "step": step,
        "precision": precision[:end], "recall": recall[:end],
        "true_positives": [int(v) for v in tp[:end]], "false_positives": [int(v) for v in fp[:end]],
        "true_negatives": [int(v) for v in tn[:end]], "false_negatives": [int(v) for v in fn[:end]],
        "thresholds": np.linspace(0.0, 1.0, n)[:end].tolist(),
    }


def compare_entries(where, got, expected):
    """got: the route's list for one run; expected: the manifest points."""
    if len(got) != len(expected):
        return [f"{where}: {len(got)} curves, expected {len(expected)}"]
    problems = []
    for i, (entry, point) in enumerate(zip(got, expected)):
        want = served(point)
        if sorted(entry) != sorted(want):
            problems.append(f"{where}[{i}]: keys {sorted(entry)}, expected {sorted(want)}")
            continue
        for key, value in want.items():
            have = entry[key]
            if isinstance(value, list):
                same = len(have) == len(value) and all(
                    (a == b and type(a) is type(b)) if isinstance(b, int) else same_float(a, b)
                    for a, b in zip(have, value))
            else:
                same = same_float(have, value) if isinstance(value, float) else have == value
            if not same:
                problems.append(f"{where}[{i}] step {point[1]}: {key} {str(have)[:200]}, expected {str(value)[:200]}")
    return problems[:6]


def check_loader(ctx):
    from tensorboard.compat.proto import types_pb2
    from tensorboard.plugins.pr_curve import metadata
    from tensorboard.util import tensor_util

    multiplexer = ctx.multiplexer()
    found_runs = multiplexer.PluginRunToTagToContent("pr_curves")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = found_runs.get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"multiplexer: run {run}: PR curve tags {sorted(found)}, expected {sorted(tags)}")
        for tag, expected in tags.items():
            if tag not in found:
                continue
            n = len(expected[0][2])
            content = metadata.parse_plugin_metadata(found[tag])
            if content.version != 0 or content.num_thresholds != n:
                ctx.fail(f"multiplexer {run}/{tag}: plugin data {content}, expected num_thresholds {n}")
            events = multiplexer.Tensors(run, tag)
            if len(events) != len(expected):
                ctx.fail(f"multiplexer {run}/{tag}: {len(events)} curves, expected {len(expected)}")
                continue
            for event, point in zip(events, expected):
                proto = event.tensor_proto
                dims = [d.size for d in proto.tensor_shape.dim]
                if proto.dtype != types_pb2.DT_FLOAT or dims != [6, n]:
                    ctx.fail(f"multiplexer {run}/{tag} step {event.step}: dtype {proto.dtype}, shape {dims}")
                    continue
                rows = tensor_util.make_ndarray(proto).tolist()
                if event.step != point[1] or not same_float(event.wall_time, point[0]):
                    ctx.fail(f"multiplexer {run}/{tag}: step/wall {event.step}/{event.wall_time}, "
                             f"expected {point[1]}/{point[0]}")
                for r, (row, want) in enumerate(zip(rows, point[2:])):
                    if not all(same_float(a, b) for a, b in zip(row, want)):
                        ctx.fail(f"multiplexer {run}/{tag} step {event.step} row {r}: {row[:8]}..., expected {want[:8]}...")
                        break
                checked += 1
    print(f"pr_curves, python loader: checked {checked} curves", flush=True)


def check_http(ctx, tb):
    expected_tags = {run: sorted(tags) for run, _, tags in ctx.runs_with(SECTION)}
    _, problems = poll(lambda: tb.get("/data/plugin/pr_curves/tags"),
                       lambda r: [] if {k: sorted(v) for k, v in r.items()} == expected_tags
                       else [f"tags {str(r)[:500]}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/pr_curves/tags: {p}, expected {expected_tags}")
    checked = trimmed = 0
    for run, _, tags in ctx.runs_with(SECTION):
        for tag, expected in tags.items():
            where = f"{tb.mode} {run}/{tag}"
            _, problems = poll(lambda: tb.get("/data/plugin/pr_curves/pr_curves", run=run, tag=tag),
                               lambda got: compare_entries(where, (got or {}).get(run, []), expected))
            for p in problems:
                ctx.fail(p)
            checked += len(expected)
            trimmed += sum(1 for point in expected if len(served(point)["thresholds"]) < len(point[2]))
    print(f"pr_curves, {tb.mode} loader over HTTP: checked {checked} curves ({trimmed} with trailing "
          f"thresholds dropped)", flush=True)
