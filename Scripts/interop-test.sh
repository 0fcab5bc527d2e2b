#!/usr/bin/env bash
# Interop tests: files written by our writer, checked by a real TensorBoard 2.21 (its Python
# loader, and its HTTP API under both loaders); and s3:// log directories read from a local S3
# (moto's server on loopback, started and stopped here). Makes its own venv; never skips.
# Usage: Scripts/interop-test.sh   (TFEVENTS_VENV overrides the venv location)
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh chromium
venv=$(Scripts/python-venv.sh)

swift build --product InteropWriter
swift build --product TestWriter
swift build --product tfevents
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/InteropWriter "$work/logdir" "$work/manifest.json" "$work/png"
"$venv/bin/python" Tests/Interop/check_png.py "$work/png"
"$venv/bin/python" Tests/Interop/check_tensorboard.py "$work/logdir" "$work/manifest.json"
"$venv/bin/python" Tests/Interop/check_crash_safety.py .build/debug/TestWriter 50
.build/debug/tfevents demo "$work/demo" --steps 120 >/dev/null
"$venv/bin/python" Tests/Interop/check_demo.py "$work/demo" 120 .build/debug/tfevents
.build/debug/tfevents export "$work/demo" -o "$work/demo.db" 2>/dev/null
"$venv/bin/python" Tests/Interop/check_sqlite.py "$work/demo.db" "$work/demo"
"$venv/bin/python" Tests/Interop/check_browser.py "$work/demo"
"$venv/bin/python" Tests/Interop/check_report.py .build/debug/tfevents .build/debug/TestWriter "$work/demo" "$work/report"
"$venv/bin/python" Tests/Interop/check_reduce.py .build/debug/tfevents "$work"
"$venv/bin/python" Tests/Interop/check_s3.py .build/debug/tfevents
