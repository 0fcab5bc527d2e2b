#!/usr/bin/env bash
# Reads a 100-run log directory from a local S3 (moto's server, on loopback) with 1 and with 8
# requests in flight, directly and with a 20 ms round trip added by a proxy, and prints the times.
# Builds tfevents in release mode; the venv is the interop tests' (Tests/Interop/requirements.txt).
# Usage: Scripts/bench/s3.sh [--runs N] [--repetitions N] [--delay SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
Scripts/install-deps.sh
venv=$(Scripts/python-venv.sh)
swift build -c release --product tfevents >&2
"$venv/bin/python" Scripts/bench/s3_read.py .build/release/tfevents "$@"
