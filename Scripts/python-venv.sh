#!/usr/bin/env bash
# Prints the path of a Python venv holding the packages of a requirements file (default: the
# interop tests' pinned TensorBoard), creating it on first use. Everything comes from PyPI.
# Usage: Scripts/python-venv.sh [REQUIREMENTS_FILE]   (TFEVENTS_VENV overrides the location)
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=${1:-Tests/Interop/requirements.txt}
key=$(sha1sum "$requirements" | cut -c1-12)
venv=${TFEVENTS_VENV:-$HOME/.cache/swift-tfevents/venv-$key}
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  if ! command -v python3 >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
    Scripts/install-deps.sh python3 python3-venv >&2
  fi
  echo "creating Python venv $venv for $requirements" >&2
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv"
