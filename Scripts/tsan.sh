#!/usr/bin/env bash
# Runs the concurrency tests (and the writer's own tests, and the SQLite export's, which reads on
# one thread and inserts on another) under ThreadSanitizer, in a build folder of their own.
# Workloads are divided by 10 (TFEVENTS_TEST_DIVISOR) to keep it quick.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
export TFEVENTS_TEST_DIVISOR=${TFEVENTS_TEST_DIVISOR:-10}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
swift test --skip-build --sanitize=thread --scratch-path .build-tsan \
  --filter 'ConcurrencyTests|SummaryWriterTests|CrashSafetyTests|ReplacingSourceTests|SQLiteExportTests'
