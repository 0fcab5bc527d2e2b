"""Histograms: every [left, right, count] row, step and wall time, in both loaders, and the
distributions view built from them."""
from tensorboard_server import poll
from .common import same_float

SECTION = "histograms"
# Keep every point (the route itself returns at most 51 per tag; we write fewer).
SAMPLES = "histograms=100000"


def compare_points(where, got, expected):
    """got and expected: [[wall, step, [[left, right, count], ...]], ...]."""
    if len(got) != len(expected):
        return [f"{where}: {len(got)} points, expected {len(expected)}"]
    problems = []
    for i, ((wall, step, rows), (ewall, estep, erows)) in enumerate(zip(got, expected)):
        if step != estep or not same_float(wall, ewall):
            problems.append(f"{where}[{i}]: wall/step {wall}/{step}, expected {ewall}/{estep}")
        if len(rows) != len(erows):
            problems.append(f"{where}[{i}] step {estep}: {len(rows)} buckets, expected {len(erows)}")
            continue
        for j, (row, erow) in enumerate(zip(rows, erows)):
            if len(row) != 3 or not all(same_float(a, b) for a, b in zip(row, erow)):
                problems.append(f"{where}[{i}] step {estep} bucket {j}: {row}, expected {erow}")
                break
    return problems[:6]


def check_loader(ctx):
    from tensorboard.compat.proto import types_pb2
    from tensorboard.util import tensor_util

    multiplexer = ctx.multiplexer()
    found_runs = multiplexer.PluginRunToTagToContent("histograms")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = found_runs.get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"multiplexer: run {run}: histogram tags {sorted(found)}, expected {sorted(tags)}")
        for tag, expected in tags.items():
            if tag not in found:
                continue
            got = []
            for event in multiplexer.Tensors(run, tag):
                proto = event.tensor_proto
                dims = [d.size for d in proto.tensor_shape.dim]
                if proto.dtype != types_pb2.DT_DOUBLE or len(dims) != 2 or dims[1] != 3:
                    ctx.fail(f"multiplexer {run}/{tag} step {event.step}: dtype {proto.dtype}, shape {dims}")
                rows = tensor_util.make_ndarray(proto).tolist() if dims and dims[0] else []
                got.append([event.wall_time, event.step, rows])
            for p in compare_points(f"multiplexer {run}/{tag}", got, expected):
                ctx.fail(p)
            checked += len(expected)
    print(f"histograms, python loader: checked {checked} histograms", flush=True)


def check_http(ctx, tb):
    expected_tags = {run: sorted(tags) for run, _, tags in ctx.runs_with(SECTION)}
    _, problems = poll(lambda: tb.get("/data/plugin/histograms/tags"),
                       lambda r: [] if {k: sorted(v) for k, v in r.items()} == expected_tags
                       else [f"tags {str(r)[:500]}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/histograms/tags: {p}, expected {expected_tags}")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        for tag, expected in tags.items():
            where = f"{tb.mode} {run}/{tag}"
            _, problems = poll(lambda: tb.get("/data/plugin/histograms/histograms", run=run, tag=tag),
                               lambda got: compare_points(where, got, expected))
            for p in problems:
                ctx.fail(p)
            # The DISTRIBUTIONS tab is computed from the same rows: one entry per point.
            _, problems = poll(
                lambda: tb.get("/data/plugin/distributions/distributions", run=run, tag=tag),
                lambda got: [] if [[p[1], len(p[2])] for p in got] == [[e[1], 9] for e in expected]
                else [f"distributions {str(got)[:300]}"])
            for p in problems:
                ctx.fail(f"{where}: {p}")
            checked += len(expected)
    print(f"histograms, {tb.mode} loader over HTTP: checked {checked} histograms", flush=True)
