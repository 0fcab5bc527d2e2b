#!/usr/bin/env bash
# The main job: builds the `tfevents` tool, writes a demo log directory (runs/demo by default)
# and prints its summary. Installs the Debian packages it needs.
# Usage: Scripts/demo.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build --product tfevents >&2
dir=${1:-runs/demo}
rm -rf "$dir"
.build/debug/tfevents demo "$dir"
echo
.build/debug/tfevents summary "$dir"
