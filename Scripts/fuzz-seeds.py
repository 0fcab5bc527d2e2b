"""Writes the fuzzer's seed inputs from the fixtures: every event file whole (target 2), every
record payload (target 0), every run's files together as a log directory (target 4: per file, a
byte whose low bit picks the run, a 2-byte little-endian length, the bytes), every saved finding as
it is. The first byte selects the harness target (Tests/FuzzHarness/FuzzHarness.swift)."""
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
    logdir = b"\x04"
    for index, name in enumerate(sorted(f for f in files if "tfevents" in f and not f.endswith(".profile-empty"))):
        data = open(os.path.join(root, name), "rb").read()[:4096]
        logdir += bytes([index % 2]) + struct.pack("<H", len(data)) + data
    if len(logdir) > 1:
        save(logdir[:8192])
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
