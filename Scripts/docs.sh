#!/usr/bin/env bash
# Builds the DocC documentation of the TFEvents library (Sources/TFEvents/TFEvents.docc and every
# `///` comment), and of TFEventsSQLite into output-dir/TFEventsSQLite, and fails on any warning:
# a broken symbol link, a stale overload, an article that names a symbol that is gone. Then fails
# if a public symbol declared in either has no documentation at all. Usage: Scripts/docs.sh [output-dir]
# Without an output directory the archive goes to a temporary folder that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh

output=${1:-}
if [ -z "$output" ]; then
  output=$(mktemp -d)
  trap 'rm -rf "$output"' EXIT
fi

# Overloads are shown on one page, so a link without a disambiguation suffix names the whole
# family: articles stay valid when a method gains or loses an overload.
for target in TFEvents TFEventsSQLite; do
  path="$output"
  [ "$target" = TFEvents ] || path="$output/$target"
  swift package --allow-writing-to-directory "$output" \
    generate-documentation --target "$target" \
    --warnings-as-errors --analyze \
    --enable-experimental-overloaded-symbol-presentation \
    --output-path "$path"

  # Missing documentation: DocC does not warn about it, so read the symbol graph it was built from.
  graph=$(find .build -path "*/extracted-symbols/*/$target/$target.symbols.json" -printf '%T@ %p\n' 2>/dev/null \
    | sort -n | tail -n 1 | cut -d' ' -f2-)
  if [ -z "$graph" ]; then
    echo "docs.sh: no symbol graph for $target under .build" >&2
    exit 1
  fi
  python3 - "$graph" "$target" <<'EOF'
import json, sys

graph = json.load(open(sys.argv[1]))
target = sys.argv[2]
missing = []
for symbol in graph["symbols"]:
    uri = symbol.get("location", {}).get("uri", "")
    # Our own declarations; a protocol requirement's implementation inherits the protocol's text.
    if f"/Sources/{target}/" in uri and not symbol.get("docComment"):
        line = symbol["location"]["position"]["line"] + 1
        missing.append(f"{uri.split('/Sources/', 1)[1]}:{line}: {'.'.join(symbol['pathComponents'])}")
for entry in sorted(missing):
    print(f"Sources/{entry}: public symbol without documentation", file=sys.stderr)
if missing:
    sys.exit(1)
print(f"docs.sh: every public symbol of {target} is documented ({len(graph['symbols'])} symbols)")
EOF
done
