#!/usr/bin/env bash
# Regenerates the protobuf-c code in Sources/CTensorBoardProto from our own .proto schema.
# The output is committed; run this only after changing a .proto file.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh protobuf-c-compiler

target=Sources/CTensorBoardProto
proto_dir=$target/proto
protoc-c --proto_path="$proto_dir" --c_out="$target" "$proto_dir"/*.proto
# SwiftPM looks for public headers in include/.
mv "$target"/*.pb-c.h "$target/include/"
# protoc-c writes `#include "x.pb-c.h"` for imports, which resolve from include/ too.
echo "generated $(ls "$target"/*.pb-c.c | wc -l) files with $(protoc-c --version | head -1)"
