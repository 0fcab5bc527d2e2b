#!/usr/bin/env bash
# Fuzzes the record reader, the event decoders (fast paths against protobuf-c), the plugin content
# decoders and the whole reader (EventFileReader, SummaryReader's statistics, contents and streams,
# from memory) with libFuzzer and AddressSanitizer (leaks included): the target TFEventsFuzz over
# Tests/FuzzHarness, built into .build-fuzz.
#
# Usage: Scripts/fuzz.sh [SECONDS] [JOBS]    (default 60 s, 1 job)
# The corpus starts from every event file and record of Fixtures/ (and Fixtures/fuzz/, the saved
# findings); a crash leaves its input as crash-* in the working directory: add it to Fixtures/fuzz/
# (FuzzRegressionTests replays every file there) and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
Scripts/install-deps.sh
# Optimized as well as instrumented: an unoptimized build runs ten times fewer inputs a second.
# -DFUZZING turns the target's stub into libFuzzer's entry point.
swift build -c release --product TFEventsFuzz --scratch-path .build-fuzz \
  -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing 2>&1 \
  | grep -v "ld.gold: warning: Cannot export local symbol" >&2
binary=.build-fuzz/release/TFEventsFuzz
corpus=${TFEVENTS_FUZZ_CORPUS:-$(mktemp -d)}
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 Scripts/fuzz-seeds.py Fixtures "$seeds"
echo "fuzzing for $seconds s with $jobs job(s); corpus $corpus" >&2
log=$(mktemp)
status=0
parallel=()
# With -jobs, libFuzzer writes each job's output to fuzz-N.log in the working directory.
((jobs > 1)) && parallel=(-jobs="$jobs" -workers="$jobs")
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$binary" "$corpus" "$seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
  "${parallel[@]}" >"$log" 2>&1 || status=$?
if ((jobs > 1)); then cat fuzz-*.log >>"$log" 2>/dev/null; rm -f fuzz-*.log; fi
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY)" "$log" >&2 || true
if ((status != 0)); then
  echo "the fuzzer stopped with status $status; its log: $log (the input is in crash-*/leak-*/timeout-*)" >&2
  tail -40 "$log" >&2
  exit 1
fi
rm -f "$log"
echo "fuzzing: no crash, leak or hang" >&2
