"""Checks the runs InteropWriter wrote against a real TensorBoard 2.21: its Python event loader,
value by value, then its HTTP API under both loaders (--load_fast=false: Python multiplexer;
--load_fast=true: the Rust data server, with --checksum).

Usage: python check_tensorboard.py LOGDIR MANIFEST.json
Exits 1 and prints every difference when anything differs."""
import glob
import json
import math
import os
import struct
import sys

from tensorboard_server import TensorBoard, poll

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, flush=True)


def f32(x):
    """A JSON manifest number as the float32 TensorBoard returns (strings for non-finite)."""
    if isinstance(x, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[x]
    return x


def same_float(a, b):
    a, b = f32(a), f32(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    # Exact, including the sign of zero.
    return struct.pack("<d", a) == struct.pack("<d", b)


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
            if not (lo - 0.01 <= f32(wall) <= hi + 0.01):
                problems.append(f"{where}[{i}]: wall time {wall} outside the write window {window}")
        elif not same_float(wall, ewall):
            problems.append(f"{where}[{i}]: wall time {wall!r}, expected {ewall!r}")
        if len(problems) > 5:
            problems.append(f"{where}: ...")
            break
    return problems


# ---------------------------------------------------------------------------------------------
# (a) TensorBoard's Python event loader, file by file and through its multiplexer.

def check_python_loader(logdir, manifest):
    from tensorboard.backend.event_processing import event_file_loader
    from tensorboard.backend.event_processing import plugin_event_multiplexer
    from tensorboard.util import tensor_util

    for run, spec in manifest["runs"].items():
        files = sorted(glob.glob(os.path.join(logdir, run, "*tfevents*")))
        names = sorted(os.path.basename(f) for f in files)
        if names != sorted(spec["files"]):
            fail(f"loader: run {run}: files {names}, expected {sorted(spec['files'])}")
        per_tag = {}
        for path in files:
            # The legacy loader yields events as written (EventFileLoader migrates them to tensors).
            events = list(event_file_loader.LegacyEventFileLoader(path).Load())
            if not events or events[0].file_version != "brain.Event:2":
                fail(f"loader: {path}: first event is not file_version brain.Event:2")
            for event in events[1:]:
                for value in event.summary.value:
                    if value.HasField("simple_value"):
                        per_tag.setdefault(value.tag, []).append(
                            [event.wall_time, event.step, value.simple_value])
        for tag, expected in spec["scalars"].items():
            got = per_tag.pop(tag, [])
            # Two writers in one run: each file holds its own tags, in write order.
            for p in compare_points(f"loader {run}/{tag}", got, expected, spec.get("write_window")):
                fail(p)
        for tag in per_tag:
            fail(f"loader: run {run}: unexpected scalar tag {tag!r}")

    multiplexer = plugin_event_multiplexer.EventMultiplexer(tensor_size_guidance={"scalars": 0})
    multiplexer.AddRunsFromDirectory(logdir)
    multiplexer.Reload()
    runs = sorted(multiplexer.Runs())
    if runs != sorted(manifest["runs"]):
        fail(f"multiplexer: runs {runs}, expected {sorted(manifest['runs'])}")
    for run, spec in manifest["runs"].items():
        tags = multiplexer.PluginRunToTagToContent("scalars").get(run, {})
        if sorted(tags) != sorted(spec["scalars"]):
            fail(f"multiplexer: run {run}: scalar tags {sorted(tags)}, expected {sorted(spec['scalars'])}")
        for tag, expected in spec["scalars"].items():
            if tag not in tags:
                continue
            got = [[e.wall_time, e.step, tensor_util.make_ndarray(e.tensor_proto).item()]
                   for e in multiplexer.Tensors(run, tag)]
            for p in compare_points(f"multiplexer {run}/{tag}", got, expected, spec.get("write_window")):
                fail(p)
    print(f"python loader: checked {len(manifest['runs'])} runs", flush=True)


# ---------------------------------------------------------------------------------------------
# (b) The HTTP API, in both loader modes.

def check_http(logdir, manifest, load_fast):
    # Keep every point instead of the default sample of 1,000 (note: scalars=0 would return none).
    with TensorBoard(logdir, load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb:
        env = tb.get("/data/environment")
        provider = env.get("debug", {}).get("data_provider", "")
        wanted = "GrpcDataProvider" if load_fast else "MultiplexerDataProvider"
        if wanted not in provider:
            fail(f"{tb.mode}: data provider is {provider!r}, expected {wanted}")

        expected_runs = sorted(manifest["runs"])
        runs, problems = poll(lambda: tb.get("/data/runs"),
                              lambda r: [] if sorted(r) == expected_runs else [f"runs {sorted(r)}"])
        for p in problems:
            fail(f"{tb.mode}: /data/runs: {p}, expected {expected_runs}")

        expected_tags = {run: sorted(spec["scalars"]) for run, spec in manifest["runs"].items()}
        _, problems = poll(lambda: tb.get("/data/plugin/scalars/tags"),
                           lambda r: [] if {k: sorted(v) for k, v in r.items()} == expected_tags
                           else [f"tags {json.dumps(r)[:500]}"])
        for p in problems:
            fail(f"{tb.mode}: /data/plugin/scalars/tags: {p}")

        checked = 0
        for run, spec in manifest["runs"].items():
            for tag, expected in spec["scalars"].items():
                where = f"{tb.mode} {run}/{tag}"
                _, problems = poll(
                    lambda: tb.get("/data/plugin/scalars/scalars", run=run, tag=tag),
                    lambda got: compare_points(where, got, expected, spec.get("write_window")))
                for p in problems:
                    fail(p)
                checked += len(expected)
        print(f"{tb.mode} loader over HTTP: checked {checked} scalar points", flush=True)
        if failures:
            print(tb.log_text())


def main():
    logdir, manifest_path = sys.argv[1], sys.argv[2]
    with open(manifest_path) as f:
        manifest = json.load(f)
    check_python_loader(logdir, manifest)
    check_http(logdir, manifest, load_fast=False)
    check_http(logdir, manifest, load_fast=True)
    if failures:
        print(f"{len(failures)} interop check(s) failed")
        sys.exit(1)
    print("all interop checks passed")


if __name__ == "__main__":
    main()
