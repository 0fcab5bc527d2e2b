#!/usr/bin/env bash
# Runs every benchmark, ours and the peers' in the same run, and prints one table per workload.
# Builds in release mode; makes a venv with the pinned peers (Scripts/bench/requirements.txt).
# Usage: Scripts/bench/run.sh [--quick]   (--quick: fewer items and repetitions for the peers)
set -euo pipefail
cd "$(dirname "$0")/../.."
Scripts/install-deps.sh
quick=${1:-}
venv=$(Scripts/python-venv.sh Scripts/bench/requirements.txt)
py="$venv/bin/python"
# SwiftPM does not always notice new files of the library in a path dependency: forget its plan.
rm -f Scripts/bench/.build/release.yaml
swift build -c release --package-path Scripts/bench >&2
bench=Scripts/bench/.build/release/tfevents-bench
results=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$results.txt"' EXIT

peer_scalars=100000
peer_reps=3
[ "$quick" = "--quick" ] && { peer_scalars=20000; peer_reps=1; }

echo "== writing scalars" >&2
$bench scalars --count 1000000 --repetitions 5 >>"$results"
for peer in scalars_tbx scalars_tbx_queue scalars_tf2; do
  "$py" Scripts/bench/peers.py $peer --count $peer_scalars --repetitions $peer_reps 2>/dev/null >>"$results"
done

echo "== images" >&2
$bench png --dump "$work/png" >"$work/png.jsonl"
grep '"rgb_photo_256x256"' "$work/png.jsonl" | head -1 | "$py" -c '
import json, sys
l = json.loads(sys.stdin.read())
print(json.dumps({"benchmark": "image_256x256_rgb", "implementation": "swift-tfevents", "images": 1,
  "median_s": l["median_ms"] / 1e3, "min_s": l["min_ms"] / 1e3, "max_s": l["max_ms"] / 1e3,
  "images_per_s": 1e3 / l["median_ms"], "bytes": l["bytes"]}))' >>"$results"
"$py" Scripts/bench/peers.py png_pillow --dir "$work/png" --count 20 --repetitions 5 >>"$results"

echo "== histograms" >&2
$bench histograms | grep '"tensorflow"' | "$py" -c '
import json, sys
l = json.loads(sys.stdin.read())
print(json.dumps({"benchmark": "histogram_10k", "implementation": "swift-tfevents", "histograms": 1,
  "median_s": l["median_us"] / 1e6, "min_s": l["min_us"] / 1e6, "max_s": l["max_us"] / 1e6,
  "histograms_per_s": 1e6 / l["median_us"]}))' >>"$results"
"$py" Scripts/bench/peers.py hist_tbx --count 200 --repetitions 3 2>/dev/null >>"$results"
"$py" Scripts/bench/peers.py hist_tf2 --count 200 --repetitions 3 2>/dev/null >>"$results"

echo "== PR curves, audio, video" >&2
$bench prcurves --iterations 20 | grep '"add_pr_curve"' | "$py" -c '
import json, sys
l = json.loads(sys.stdin.read())
print(json.dumps({"benchmark": "pr_curve_1m", "implementation": "swift-tfevents (addPRCurve, 127 thresholds)",
  "curves": 1, "predictions": l["predictions"], "median_s": l["median_ms"] / 1e3, "min_s": l["min_ms"] / 1e3,
  "max_s": l["max_ms"] / 1e3, "curves_per_s": 1e3 / l["median_ms"]}))' >>"$results"
"$py" Scripts/bench/peers.py pr_tbx --count 1000000 --repetitions 5 2>/dev/null >>"$results"
"$py" Scripts/bench/peers.py pr_tensorboard --count 1000000 --repetitions 5 2>/dev/null >>"$results"
$bench media --iterations 50 --dump "$work/media" >"$work/media.jsonl"
"$py" -c '
import json, sys
for l in map(json.loads, open(sys.argv[1])):
    if l["benchmark"] == "audio":
        print(json.dumps({"benchmark": "audio_10s_16khz", "implementation": "swift-tfevents (AudioData + addAudio)",
          "clips": 1, "median_s": l["total_median_ms"] / 1e3, "min_s": l["min_ms"] / 1e3, "max_s": l["max_ms"] / 1e3,
          "clips_per_s": 1e3 / l["total_median_ms"]}))
    if l["benchmark"] == "video":
        print(json.dumps({"benchmark": "apng_16x64x64", "implementation": "swift-tfevents (PNGEncoder.encodeAnimation)",
          "videos": 1, "bytes": l["apng_bytes"], "median_s": l["encode_median_ms"] / 1e3, "min_s": l["min_ms"] / 1e3,
          "max_s": l["max_ms"] / 1e3, "videos_per_s": 1e3 / l["encode_median_ms"]}))' "$work/media.jsonl" >>"$results"
"$py" Scripts/bench/peers.py audio_tf2 --repetitions 20 2>/dev/null >>"$results"
"$py" Scripts/bench/peers.py audio_wave --repetitions 20 2>/dev/null >>"$results"
"$py" Scripts/bench/peers.py apng_pillow --dir "$work/media" --repetitions 20 2>/dev/null >>"$results"

echo "== reading 1,000,000 scalars (10 runs x 10 tags)" >&2
swift build -c release --product tfevents >&2
tfevents=$PWD/.build/release/tfevents
$bench scalars --count 1000000 --repetitions 1 --keep "$work/logdir1m" >/dev/null
# The kernel writes a new workload back to disk about 30 s later; on 2 cores that writeback, during
# the timed commands, made the same export measure 212 ns a point in one table and 131 in another.
sync
bytes=$(du -sb "$work/logdir1m" | cut -f1)
"$py" Scripts/bench/peers.py ours_summary --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 --repetitions 5 \
  | "$py" -c "import json,sys; l=json.loads(sys.stdin.read()); l['mb_per_s']=$bytes/1e6/l['median_s']; print(json.dumps(l))" >>"$results"
"$py" Scripts/bench/peers.py ours_export --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 --repetitions 3 >>"$results"
"$py" Scripts/bench/peers.py ours_export_jsonl --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 \
  --repetitions 3 >>"$results"
"$py" Scripts/bench/peers.py ours_report --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 --repetitions 3 >>"$results"
"$py" Scripts/bench/peers.py read_rust --dir "$work/logdir1m" --count 1000000 --repetitions 3 >>"$results"
for peer in read_reducer read_accumulator read_tbparse; do
  "$py" Scripts/bench/peers.py $peer --dir "$work/logdir1m" --repetitions $peer_reps 2>/dev/null >>"$results"
done

echo "== the same 1,000,000 scalars into SQLite, and as one row per step (--wide)" >&2
$bench sqlite --dir "$work/logdir1m" --repetitions 5 >>"$results"
"$py" Scripts/bench/peers.py ours_sqlite --tfevents "$tfevents" --dir "$work/logdir1m" --output "$work/export.db" \
  --count 1000000 --repetitions 3 >>"$results"
"$py" Scripts/bench/peers.py sqlite_pandas --dir "$work/logdir1m" --repetitions $peer_reps 2>/dev/null >>"$results"
"$py" Scripts/bench/peers.py ours_wide --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 --repetitions 3 \
  >>"$results"
"$py" Scripts/bench/peers.py ours_long_csv --tfevents "$tfevents" --dir "$work/logdir1m" --count 1000000 \
  --repetitions 3 >>"$results"
"$py" Scripts/bench/peers.py wide_tbparse --dir "$work/logdir1m" --count 1000000 --repetitions $peer_reps \
  2>/dev/null >>"$results"

# Adds "mb_per_s" to a JSON line, from the bytes read ($1).
with_rate() {
  "$py" -c "import json,sys; l=json.loads(sys.stdin.read()); l['mb_per_s']=$1/1e6/l['median_s']; print(json.dumps(l))"
}

echo "== one 100 MB scalar file (one run)" >&2
large_events=2000000
$bench read --events $large_events --write "$work/large" --repeat 1 --mode summarize >/dev/null 2>&1
sync
large_bytes=$(du -sb "$work/large" | cut -f1)
for ours in ours_summary ours_export ours_export_jsonl; do
  "$py" Scripts/bench/peers.py $ours --benchmark read_100mb_file --tfevents "$tfevents" --dir "$work/large" \
    --count $large_events --repetitions 3 | with_rate $large_bytes >>"$results"
done
"$py" Scripts/bench/peers.py read_rust --benchmark read_100mb_file --dir "$work/large" --count $large_events \
  --repetitions 3 | with_rate $large_bytes >>"$results"
for peer in read_reducer read_accumulator read_tbparse; do
  "$py" Scripts/bench/peers.py $peer --benchmark read_100mb_file --dir "$work/large" --repetitions 1 2>/dev/null \
    | with_rate $large_bytes >>"$results"
done

echo "== the same file in process: every core, and one core (taskset -c 0)" >&2
large_file_lines='
import json, sys, statistics
benchmark, cores = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in sys.stdin if l.startswith("{")]
names = {"summarize": "swift-tfevents (SummaryReader.summarize, one pass, %s)" % cores,
         "stream": "swift-tfevents (SummaryReader.read, every point in order, %s)" % cores}
for mode in ("summarize", "stream"):
    mine = [l for l in lines if l["mode"] == mode]
    if not mine:
        continue
    s = [l["seconds"] for l in mine]
    l = mine[0]
    print(json.dumps({"benchmark": benchmark, "implementation": names[mode],
      "scalars": l["points"], "bytes": l["bytes"], "median_s": statistics.median(s), "min_s": min(s), "max_s": max(s),
      "scalars_per_s": l["points"] / statistics.median(s), "mb_per_s": l["bytes"] / 1e6 / statistics.median(s),
      "peak_rss_kib": max(x["peak_rss_mib"] for x in mine) * 1024}))'
$bench read --logdir "$work/large" --repeat 3 --mode both 2>/dev/null \
  | "$py" -c "$large_file_lines" read_large_file "every core" >>"$results"
taskset -c 0 $bench read --logdir "$work/large" --repeat 3 --mode summarize 2>/dev/null \
  | "$py" -c "$large_file_lines" read_single_core "one core" >>"$results"

echo "== 10,000 runs of 100 points" >&2
$bench runs --runs 10000 --points 100 --write "$work/runs10k" --repeat 3 2>/dev/null >>"$results"
sync
runs_bytes=$(du -sb "$work/runs10k" | cut -f1)
"$py" Scripts/bench/peers.py ours_summary --benchmark many_small_runs --tfevents "$tfevents" --dir "$work/runs10k" \
  --count 1000000 --repetitions 5 | with_rate $runs_bytes >>"$results"
"$py" Scripts/bench/peers.py read_rust --benchmark many_small_runs --dir "$work/runs10k" --count 1000000 \
  --repetitions 3 | with_rate $runs_bytes >>"$results"
"$py" Scripts/bench/peers.py read_accumulator --benchmark many_small_runs --dir "$work/runs10k" --repetitions 1 \
  2>/dev/null | with_rate $runs_bytes >>"$results"

echo "== start-up" >&2
mkdir -p "$work/empty"
"$py" Scripts/bench/peers.py startup_help --tfevents "$tfevents" --repetitions 21 >>"$results"
"$py" Scripts/bench/peers.py startup_empty --tfevents "$tfevents" --dir "$work/empty" --repetitions 21 >>"$results"

echo "== writing from 16 threads into one writer" >&2
$bench concurrent --threads 16 --count 100000 >>"$results"

"$py" Scripts/bench/report.py "$results"
cp "$results" Scripts/bench/.last-results.jsonl
