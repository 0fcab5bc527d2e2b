#!/usr/bin/env bash
# Regenerates Fixtures/logdirs/ (reader test fixtures) with the real writers
# (tensorboardX, TensorFlow) and records beside each logdir what TensorBoard's own
# Python loader makes of it (<name>.tensorboard.json), plus <name>.damage.json for
# the damaged ones. See Fixtures/README.md.
#
# Usage: Scripts/make-fixtures.sh           rebuild Fixtures/logdirs from scratch
#        Scripts/make-fixtures.sh --check   rebuild into a temporary folder and
#                                           compare with Fixtures/logdirs (exit 1 if different)
# Environment: FIXTURES_VENV (default: .venv-fixtures in the repo, git-ignored),
#              PYTHON (interpreter for the venv, default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
check=0
[ "${1:-}" = "--check" ] && check=1
start=$(date +%s)

req=Scripts/fixtures/requirements.txt
venv=${FIXTURES_VENV:-$repo/.venv-fixtures}
python=${PYTHON:-python3}

# 1. A Python that can make a venv (Debian's python3-venv, only when missing).
install_debs() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
    "${sudo[@]}" apt-get update -qq >/dev/null
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  }
}
if [ ! -x "$venv/bin/python" ]; then
  if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    install_debs python3 python3-venv
    python=/usr/bin/python3
  fi
  echo "creating venv $venv with $("$python" --version 2>&1)" >&2
  "$python" -m venv "$venv"
fi

# 2. Pinned packages (reinstalled only when requirements.txt changes).
stamp="$venv/.fixtures-requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "installing pinned packages from $req" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-virtualenv -r "$req"
  echo "$want" > "$stamp"
fi

# 3. Write the logdirs, then 4. TensorBoard's view of each.
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS=0 \
  CUDA_VISIBLE_DEVICES=-1 PYTHONDONTWRITEBYTECODE=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fixtures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out="$tmp/logdirs"
echo "writing logdirs" >&2
"$venv/bin/python" Scripts/fixtures/make_fixtures.py "$out" 2> "$tmp/writers.log" \
  || { cat "$tmp/writers.log" >&2; exit 1; }
echo "loading them with TensorBoard's EventMultiplexer" >&2
logdirs=()
for d in "$out"/*/; do logdirs+=("${d%/}"); done
"$venv/bin/python" Scripts/fixtures/tensorboard_view.py --cross-check-tensorflow "$out" "${logdirs[@]}"

if ((check)); then
  if diff -r Fixtures/logdirs "$out" >/dev/null; then
    echo "Fixtures/logdirs is up to date ($(($(date +%s) - start)) s)"
    exit 0
  fi
  echo "Fixtures/logdirs differs from a fresh build:" >&2
  diff -rq Fixtures/logdirs "$out" >&2 || true
  exit 1
fi
rm -rf Fixtures/logdirs
mkdir -p Fixtures
mv "$out" Fixtures/logdirs
echo "done in $(($(date +%s) - start)) s; $(du -sh Fixtures | cut -f1) in Fixtures/"
