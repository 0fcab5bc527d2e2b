#!/usr/bin/env bash
# Prints the path of a Python venv with the pinned TensorBoard the interop tests and benchmarks
# use, creating it on first use. Everything it installs comes from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${TFEVENTS_VENV:-$HOME/.cache/swift-tfevents/venv-tensorboard-2.21.0}
requirements=Tests/Interop/requirements.txt
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  if ! command -v python3 >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
    Scripts/install-deps.sh python3 python3-venv >&2
  fi
  echo "creating Python venv $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv"
