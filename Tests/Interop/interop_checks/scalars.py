"""Scalars: every point's step, float32 value and wall time, in both loaders."""
import glob
import os

from tensorboard_server import poll
from .common import number, same_float

SECTION = "scalars"
# Keep every point instead of the default sample of 1,000 (note: scalars=0 would return none).
SAMPLES = "scalars=100000"


def compare_points(where, got, expected, window=None):
    """got: [[wall, step, value], ...]; expected: manifest points [[wall or None, step, value]]."""
    problems = []
    if len(got) != len(expected):
        return [f"{where}: {len(got)} points, expected {len(expected)}"]
    for i, (g, e) in enumerate(zip(got, expected)):
        wall, step, value = g
        ewall, estep, evalue = e
        if step != estep:
            problems.append(f"{where}[{i}]: step {step}, expected {estep}")
        if not same_float(value, evalue):
            problems.append(f"{where}[{i}] step {estep}: value {value!r}, expected {evalue!r}")
        if ewall is None:
            lo, hi = window
            if not (lo - 0.01 <= number(wall) <= hi + 0.01):
                problems.append(f"{where}[{i}]: wall time {wall} outside the write window {window}")
        elif not same_float(wall, ewall):
            problems.append(f"{where}[{i}]: wall time {wall!r}, expected {ewall!r}")
        if len(problems) > 5:
            problems.append(f"{where}: ...")
            break
    return problems


def check_loader(ctx):
    from tensorboard.backend.event_processing import event_file_loader
    from tensorboard.util import tensor_util

    # File by file, events exactly as written (EventFileLoader would migrate them to tensors).
    for run, spec, tags in ctx.runs_with(SECTION):
        files = sorted(glob.glob(os.path.join(ctx.logdir, run, "*tfevents*")))
        names = sorted(os.path.basename(f) for f in files)
        if names != sorted(spec["files"]):
            ctx.fail(f"loader: run {run}: files {names}, expected {sorted(spec['files'])}")
        per_tag = {}
        for path in files:
            events = list(event_file_loader.LegacyEventFileLoader(path).Load())
            if not events or events[0].file_version != "brain.Event:2":
                ctx.fail(f"loader: {path}: first event is not file_version brain.Event:2")
            for event in events[1:]:
                for value in event.summary.value:
                    if value.HasField("simple_value"):
                        per_tag.setdefault(value.tag, []).append(
                            [event.wall_time, event.step, value.simple_value])
        # A run with purged points lists what was written apart from what TensorBoard shows.
        written = spec.get("written_scalars", {})
        for tag, expected in tags.items():
            for p in compare_points(f"loader {run}/{tag}", per_tag.pop(tag, []), written.get(tag, expected),
                                    spec.get("write_window")):
                ctx.fail(p)
        for tag in per_tag:
            ctx.fail(f"loader: run {run}: unexpected scalar tag {tag!r}")

    # Through the multiplexer TensorBoard's Python mode serves from.
    multiplexer = ctx.multiplexer()
    checked = 0
    for run, spec, tags in ctx.runs_with(SECTION):
        found = multiplexer.PluginRunToTagToContent("scalars").get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"multiplexer: run {run}: scalar tags {sorted(found)}, expected {sorted(tags)}")
        for tag, expected in tags.items():
            if tag not in found:
                continue
            got = [[e.wall_time, e.step, tensor_util.make_ndarray(e.tensor_proto).item()]
                   for e in multiplexer.Tensors(run, tag)]
            for p in compare_points(f"multiplexer {run}/{tag}", got, expected, spec.get("write_window")):
                ctx.fail(p)
            checked += len(expected)
    print(f"scalars, python loader: checked {checked} points", flush=True)


def check_http(ctx, tb):
    expected_tags = {run: sorted(tags) for run, _, tags in ctx.runs_with(SECTION)}
    # Runs of 64-bit scalars are listed by one loader only; double_scalars.py checks them.
    others = {run for run, _, _ in ctx.runs_with("double_scalars")}
    _, problems = poll(lambda: tb.get("/data/plugin/scalars/tags"),
                       lambda r: [] if {k: sorted(v) for k, v in r.items() if k not in others} == expected_tags
                       else [f"tags {str(r)[:500]}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/scalars/tags: {p}, expected {expected_tags}")
    checked = 0
    for run, spec, tags in ctx.runs_with(SECTION):
        for tag, expected in tags.items():
            where = f"{tb.mode} {run}/{tag}"
            _, problems = poll(
                lambda: tb.get("/data/plugin/scalars/scalars", run=run, tag=tag),
                lambda got: compare_points(where, got, expected, spec.get("write_window")))
            for p in problems:
                ctx.fail(p)
            checked += len(expected)
    print(f"scalars, {tb.mode} loader over HTTP: checked {checked} points", flush=True)
