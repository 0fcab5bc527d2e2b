#!/usr/bin/env bash
# Installs the Debian packages the build and the scripts need, when they are missing.
# Usage: Scripts/install-deps.sh [extra-package ...]
set -euo pipefail
packages=(zlib1g-dev libprotobuf-c-dev libsqlite3-dev libcurl4-openssl-dev pkg-config "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}
