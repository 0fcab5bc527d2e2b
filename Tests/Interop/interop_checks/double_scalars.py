"""Scalars written with doublePrecisionScalars (rank-0 DT_DOUBLE tensors), as each loader really
shows them: the Python loader every point with its exact 64-bit value; the Rust loader none at
all (the tags are missing from the scalars and time-series tag lists, and their points route
answers an empty list)."""
import time

from tensorboard_server import poll
from .scalars import compare_points

SECTION = "double_scalars"
SAMPLES = None  # scalars.py already keeps every scalar point


def check_loader(ctx):
    from tensorboard.compat.proto import types_pb2
    from tensorboard.util import tensor_util

    multiplexer = ctx.multiplexer()
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = multiplexer.PluginRunToTagToContent("scalars").get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"multiplexer: run {run}: scalar tags {sorted(found)}, expected {sorted(tags)}")
        for tag, expected in tags.items():
            events = multiplexer.Tensors(run, tag) if tag in found else []
            for event in events:
                proto = event.tensor_proto
                if proto.dtype != types_pb2.DT_DOUBLE or proto.tensor_shape.dim:
                    ctx.fail(f"multiplexer {run}/{tag} step {event.step}: dtype {proto.dtype}, "
                             f"shape {[d.size for d in proto.tensor_shape.dim]}, expected a rank-0 DT_DOUBLE")
            got = [[e.wall_time, e.step, tensor_util.make_ndarray(e.tensor_proto).item()] for e in events]
            for p in compare_points(f"multiplexer {run}/{tag}", got, expected):
                ctx.fail(p)
            checked += len(expected)
    print(f"double scalars, python loader: checked {checked} points, every value exact", flush=True)


def check_http(ctx, tb):
    runs = {run: tags for run, _, tags in ctx.runs_with(SECTION)}
    if tb.mode == "python":
        # Every point, with its full 64-bit value (0.1 is 0.1, 1e-40 is 1e-40).
        for run, tags in runs.items():
            _, problems = poll(lambda: tb.get("/data/plugin/scalars/tags").get(run, {}),
                               lambda r: [] if sorted(r) == sorted(tags) else [f"tags {sorted(r)}"])
            for p in problems:
                ctx.fail(f"python: /data/plugin/scalars/tags of {run}: {p}, expected {sorted(tags)}")
            for tag, expected in tags.items():
                where = f"python {run}/{tag}"
                _, problems = poll(lambda: tb.get("/data/plugin/scalars/scalars", run=run, tag=tag),
                                   lambda got: compare_points(where, got, expected))
                for p in problems:
                    ctx.fail(p)
        print(f"double scalars, python loader over HTTP: {sum(len(t) for t in runs.values())} tags shown, "
              "every value exact", flush=True)
        return
    # The Rust loader keeps only DT_FLOAT scalars. Wait for the run itself to be loaded (the
    # runs list names it), then the tags must be absent and their points empty.
    for run, tags in runs.items():
        _, problems = poll(lambda: tb.get("/data/runs"), lambda r: [] if run in r else [f"runs {r}"])
        for p in problems:
            ctx.fail(f"rust: /data/runs: {p}, expected {run} in it")
        time.sleep(2)  # two reload intervals: whatever the loader would show is there by now
        listed = tb.get("/data/plugin/scalars/tags").get(run, {})
        if listed:
            ctx.fail(f"rust: /data/plugin/scalars/tags lists {sorted(listed)} for {run}; the Rust loader was "
                     "expected to leave DT_DOUBLE scalars out")
        series = tb.get("/data/plugin/timeseries/tags").get("scalars", {}).get("runTagInfo", {}).get(run, [])
        if series:
            ctx.fail(f"rust: /data/plugin/timeseries/tags lists {series} for {run}; expected none")
        for tag in tags:
            got = tb.get("/data/plugin/scalars/scalars", run=run, tag=tag)
            if got != []:
                ctx.fail(f"rust {run}/{tag}: points {str(got)[:200]}, expected none")
    print(f"double scalars, rust loader over HTTP: {sum(len(t) for t in runs.values())} tags written, "
          "none shown (DT_DOUBLE scalars are not read)", flush=True)
