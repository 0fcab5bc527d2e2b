#!/usr/bin/env bash
# The whole test suite: unit and end-to-end tests (swift test), the interop tests that check our
# files with a real TensorBoard 2.21 (its Python loader and its HTTP API, both loaders), the
# concurrency tests under ThreadSanitizer and a minute of fuzzing.
# Installs the Debian packages it needs; makes its own Python venv. Never skips anything.
set -euo pipefail
cd "$(dirname "$0")/.."
# The SQLite export tests open databases with the sqlite3 shell and Python's sqlite3 module.
Scripts/install-deps.sh sqlite3 python3
swift build --build-tests
swift test
Scripts/docs.sh
Scripts/interop-test.sh
# ThreadSanitizer over the concurrency tests, and a short fuzzing pass (Scripts/fuzz.sh runs longer).
Scripts/tsan.sh
Scripts/fuzz.sh "${TFEVENTS_FUZZ_SECONDS:-60}"
