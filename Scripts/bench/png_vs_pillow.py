#!/usr/bin/env python3
"""Compare PNGEncoder with Pillow's PNG encoder on the same pixels.

Runs `tfevents-bench png --dump DIR`, which times our encoder on each sample image and writes
NAME.raw (HWC pixels) + NAME.json + NAME.png, then encodes each raw image with Pillow's
Image.save(format="PNG") at Pillow's defaults (zlib level 6, Z_FILTERED, adaptive filters),
timed the same way: one untimed run, then N timed runs, median/min/max in milliseconds.

Prints one line per image with both sizes and times and the ratios ours/Pillow, then a JSON line
per image. With --check it exits 1 unless every image is at most 10% larger than Pillow's and
the 256x256 RGB photo-like image is encoded at least as fast as Pillow encodes it.

Needs Pillow (`python3 -m venv /tmp/venv-png && /tmp/venv-png/bin/pip install pillow`).
Build the bench first:
    swift build -c release --package-path Scripts/bench --scratch-path Scripts/bench/.build
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from PIL import Image
except ImportError:
    sys.exit("png_vs_pillow.py needs Pillow: pip install pillow (in a venv)")

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}
KEY_IMAGE = "rgb_photo_256x256"
MAX_SIZE_RATIO = 1.10


def find_bench():
    for scratch in sorted(os.listdir(HERE)):
        candidate = os.path.join(HERE, scratch, "release", "tfevents-bench")
        if scratch.startswith(".build") and os.access(candidate, os.X_OK):
            return candidate
    return None


def time_pillow(image, iterations):
    def encode():
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    data = encode()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        encode()
        times.append((time.perf_counter() - start) * 1000)
    return data, times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", help="the tfevents-bench binary (default: Scripts/bench/.build*/release)")
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--level", type=int, help="our compression level (default: the encoder's default)")
    parser.add_argument("--dump", help="keep the sample images in this directory")
    parser.add_argument("--check", action="store_true", help="exit 1 if the size or speed targets are missed")
    args = parser.parse_args()

    bench = args.bench or find_bench()
    if not bench:
        sys.exit("no tfevents-bench binary found; build Scripts/bench in release mode or pass --bench")

    dump = args.dump or tempfile.mkdtemp(prefix="png-vs-pillow-")
    command = [bench, "png", "--iterations", str(args.iterations), "--dump", dump]
    if args.level is not None:
        command += ["--level", str(args.level)]
    ours = [json.loads(line) for line in subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()]

    header = f"{'image':26} {'ours B':>8} {'Pillow B':>9} {'size':>6}   {'ours ms':>8} {'Pillow ms':>9} {'time':>6}"
    print(header)
    print("-" * len(header))
    failures = []
    results = []
    for row in ours:
        name = row["image"]
        with open(os.path.join(dump, name + ".raw"), "rb") as raw:
            pixels = raw.read()
        image = Image.frombytes(MODES[row["channels"]], (row["width"], row["height"]), pixels)
        data, times = time_pillow(image, args.iterations)
        pillow_ms = statistics.median(times)
        size_ratio = row["bytes"] / len(data)
        time_ratio = row["median_ms"] / pillow_ms
        print(
            f"{name:26} {row['bytes']:8} {len(data):9} {size_ratio:6.3f}   "
            f"{row['median_ms']:8.3f} {pillow_ms:9.3f} {time_ratio:6.3f}"
        )
        results.append({
            "image": name, "level": row["level"], "ours_bytes": row["bytes"], "pillow_bytes": len(data),
            "size_ratio": round(size_ratio, 4), "ours_median_ms": row["median_ms"],
            "pillow_median_ms": round(pillow_ms, 4), "pillow_min_ms": round(min(times), 4),
            "time_ratio": round(time_ratio, 4),
        })
        if size_ratio > MAX_SIZE_RATIO:
            failures.append(f"{name}: {size_ratio:.3f}x Pillow's size")
        if name == KEY_IMAGE and time_ratio > 1:
            failures.append(f"{name}: {time_ratio:.3f}x Pillow's time")
    print()
    for result in results:
        print(json.dumps(result))
    if failures:
        print("\nmissed targets:\n  " + "\n  ".join(failures), file=sys.stderr)
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
