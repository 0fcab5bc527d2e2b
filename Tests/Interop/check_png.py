#!/usr/bin/env python3
"""Check that Pillow and libpng decode our PNGs to exactly the pixels we encoded.

usage: check_png.py DIR

DIR holds, for each sample NAME, three files (InteropWriter's writePNGSamples and
`tfevents-bench png --dump DIR` both write them):
  NAME.png   the file PNGEncoder wrote
  NAME.raw   the pixels given to it, 8-bit, row by row, channels interleaved (HWC)
  NAME.json  {"width": W, "height": H, "channels": C}

For each sample, Pillow must verify the file (chunk CRCs), decode it in the mode that matches the
channel count (L, LA, RGB, RGBA) at the right size, and give exactly NAME.raw; libpng, through
png_decode.c (built here with `cc ... -lpng`; Debian's libpng-dev is installed with apt-get when
its header is missing), must do the same without any transformation. Prints one line per sample
and exits 1 on any mismatch or error, 0 when every sample matches.

Needs Pillow: python3 -m venv /tmp/venv-png && /tmp/venv-png/bin/pip install pillow
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}


def ensure_libpng():
    """Installs libpng-dev with apt-get when png.h is missing."""
    if os.path.exists("/usr/include/png.h"):
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit("check_png.py: libpng's header is missing; install libpng-dev (apt-get install libpng-dev)")
    print("check_png.py: installing libpng-dev", file=sys.stderr)
    install = ["apt-get", "install", "-y", "--no-install-recommends", "libpng-dev"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, stdout=subprocess.DEVNULL, check=True)
        subprocess.run(install, env=env, stdout=subprocess.DEVNULL, check=True)


def build_decoder(directory):
    binary = os.path.join(directory, "png_decode")
    source = os.path.join(HERE, "png_decode.c")
    subprocess.run(["cc", "-O2", "-Wall", "-o", binary, source, "-lpng"], check=True)
    return binary


def first_difference(actual, expected):
    for index, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            return f"first difference at byte {index}: {a} != {e}"
    return f"lengths differ: {len(actual)} != {len(expected)}"


def check_pillow(Image, png, raw, meta):
    width, height, channels = meta["width"], meta["height"], meta["channels"]
    Image.open(io.BytesIO(png)).verify()
    image = Image.open(io.BytesIO(png))
    if image.format != "PNG":
        return f"Pillow reads format {image.format}"
    if image.size != (width, height):
        return f"Pillow reads size {image.size}, expected {(width, height)}"
    if image.mode != MODES[channels]:
        return f"Pillow reads mode {image.mode}, expected {MODES[channels]}"
    pixels = image.tobytes()
    if pixels != raw:
        return "Pillow pixels differ: " + first_difference(pixels, raw)
    return None


def check_libpng(decoder, png_path, raw, meta, scratch):
    out = os.path.join(scratch, "decoded.raw")
    result = subprocess.run([decoder, png_path, out], capture_output=True, text=True)
    if result.returncode != 0:
        return "libpng failed: " + result.stderr.strip().replace("\n", " / ")
    expected = f"{meta['width']} {meta['height']} {meta['channels']}"
    if result.stdout.strip() != expected:
        return f"libpng reads width height channels {result.stdout.strip()}, expected {expected}"
    with open(out, "rb") as file:
        pixels = file.read()
    if pixels != raw:
        return "libpng pixels differ: " + first_difference(pixels, raw)
    return None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    try:
        from PIL import Image
    except ImportError:
        sys.exit("check_png.py needs Pillow: python3 -m venv /tmp/venv-png && /tmp/venv-png/bin/pip install pillow")

    names = sorted(name[: -len(".json")] for name in os.listdir(directory) if name.endswith(".json"))
    if not names:
        sys.exit(f"check_png.py: no NAME.json samples in {directory}")

    ensure_libpng()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="check-png-") as scratch:
        decoder = build_decoder(scratch)
        for name in names:
            base = os.path.join(directory, name)
            try:
                with open(base + ".json") as file:
                    meta = json.load(file)
                with open(base + ".raw", "rb") as file:
                    raw = file.read()
                with open(base + ".png", "rb") as file:
                    png = file.read()
            except OSError as error:
                print(f"FAIL {name}: {error}")
                failures += 1
                continue
            expected_length = meta["width"] * meta["height"] * meta["channels"]
            problems = []
            if len(raw) != expected_length:
                problems.append(f"{name}.raw has {len(raw)} bytes, expected {expected_length}")
            else:
                try:
                    problems.append(check_pillow(Image, png, raw, meta))
                except Exception as error:  # Pillow raises many types for broken files
                    problems.append(f"Pillow failed: {type(error).__name__}: {error}")
                problems.append(check_libpng(decoder, base + ".png", raw, meta, scratch))
            problems = [problem for problem in problems if problem]
            size = f"{meta['width']}x{meta['height']}x{meta['channels']}"
            if problems:
                failures += 1
                print(f"FAIL {name} ({size}, {len(png)} bytes): " + "; ".join(problems))
            else:
                print(f"ok   {name} ({size}, {len(png)} bytes): Pillow and libpng match")

    print(f"{len(names) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
