"""Checks the runs InteropWriter wrote against a real TensorBoard 2.21: its Python event loader,
value by value, then its HTTP API under both loaders (--load_fast=false: the Python multiplexer;
--load_fast=true: the Rust data server, with --checksum). One module per summary kind lives in
interop_checks/.

Usage: python check_tensorboard.py LOGDIR MANIFEST.json
Exits 1 and prints every difference when anything differs."""
import json
import sys

from interop_checks import MODULES
from interop_checks.common import Context
from tensorboard_server import TensorBoard, poll


def check_server(ctx, load_fast):
    samples = ",".join(m.SAMPLES for m in MODULES if m.SAMPLES)
    extra = ["--samples_per_plugin", samples] if samples else []
    with TensorBoard(ctx.logdir, load_fast, extra) as tb:
        provider = tb.get("/data/environment").get("debug", {}).get("data_provider", "")
        wanted = "GrpcDataProvider" if load_fast else "MultiplexerDataProvider"
        if wanted not in provider:
            ctx.fail(f"{tb.mode}: data provider is {provider!r}, expected {wanted}")
        expected_runs = sorted(ctx.manifest["runs"])
        _, problems = poll(lambda: tb.get("/data/runs"),
                           lambda r: [] if sorted(r) == expected_runs else [f"runs {sorted(r)}"])
        for p in problems:
            ctx.fail(f"{tb.mode}: /data/runs: {p}, expected {expected_runs}")
        before = len(ctx.failures)
        for module in MODULES:
            module.check_http(ctx, tb)
        if len(ctx.failures) > before:
            print(f"--- tensorboard ({tb.mode}) log:\n{tb.log_text()}")


def main():
    logdir, manifest_path = sys.argv[1], sys.argv[2]
    with open(manifest_path) as f:
        ctx = Context(logdir, json.load(f))
    for module in MODULES:
        module.check_loader(ctx)
    check_server(ctx, load_fast=False)
    check_server(ctx, load_fast=True)
    if ctx.failures:
        print(f"{len(ctx.failures)} interop check(s) failed")
        sys.exit(1)
    print("all interop checks passed")


if __name__ == "__main__":
    main()
