#!/usr/bin/env bash
# Screenshots of TensorBoard's dashboards on `tfevents demo` (or on LOGDIR), taken by headless
# Chromium against a real TensorBoard 2.21, for a person to look at.
# Usage: Scripts/screenshots.sh OUTDIR [LOGDIR] [-- screenshots.py options, e.g. --load-fast audio mesh]
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh chromium
venv=$(Scripts/python-venv.sh)
out=${1:?usage: Scripts/screenshots.sh OUTDIR [LOGDIR] [-- options]}
shift
logdir=
if [ $# -gt 0 ] && [ "$1" != "--" ]; then logdir=$1; shift; fi
[ "${1:-}" = "--" ] && shift
if [ -z "$logdir" ]; then
  swift build --product tfevents >/dev/null
  logdir=$(mktemp -d)/demo
  trap 'rm -rf "$(dirname "$logdir")"' EXIT
  .build/debug/tfevents demo "$logdir" --steps 60 >/dev/null
fi
"$venv/bin/python" Scripts/screenshots.py "$logdir" "$out" "$@"
