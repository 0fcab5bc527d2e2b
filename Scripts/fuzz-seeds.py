"""Writes the fuzzer's seed inputs from the fixtures: every event file whole (target 2), every
record payload (target 0), every saved finding as it is. The first byte selects the harness target."""
import os
import struct
import sys

fixtures, out = sys.argv[1], sys.argv[2]
count = 0


def save(data):
    global count
    with open(os.path.join(out, f"seed-{count:05d}"), "wb") as f:
        f.write(data)
    count += 1


for root, _, files in os.walk(os.path.join(fixtures, "logdirs")):
    for name in files:
        if "tfevents" not in name:
            continue
        data = open(os.path.join(root, name), "rb").read()
        save(b"\x02" + data[:8191])
        offset = 0
        while offset + 12 <= len(data):
            (length,) = struct.unpack_from("<Q", data, offset)
            if offset + 16 + length > len(data):
                break
            save(b"\x00" + data[offset + 12:offset + 12 + length])
            offset += 16 + length
findings = os.path.join(fixtures, "fuzz")
if os.path.isdir(findings):
    for name in sorted(os.listdir(findings)):
        save(open(os.path.join(findings, name), "rb").read())
print(f"{count} seeds", file=sys.stderr)
