"""Kills a writer (TestWriter flush-loop) with SIGKILL at random moments and checks every file it
left with TensorBoard's own Python loader: everything loads, the scalar steps are a gap-free
prefix, and every step flushed before the kill is there.

Usage: python check_crash_safety.py TESTWRITER_BINARY [KILLS]"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

from tensorboard.backend.event_processing import event_file_loader


def main():
    binary = sys.argv[1]
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    failures = 0
    longest = 0
    with tempfile.TemporaryDirectory() as root:
        for attempt in range(kills):
            logdir = os.path.join(root, f"kill{attempt}")
            child = subprocess.Popen([binary, "flush-loop", logdir, "37"], stdout=subprocess.PIPE)
            time.sleep(random.uniform(0.02, 0.2))
            os.kill(child.pid, signal.SIGKILL)
            out, _ = child.communicate()
            lines = out.decode().split()
            if not lines:
                continue
            path = lines[0]
            flushed = max([int(w) for w in lines[1:] if w.isdigit()], default=-1)
            steps = []
            for event in event_file_loader.LegacyEventFileLoader(path).Load():
                for value in event.summary.value:
                    if value.tag == "value":
                        steps.append(event.step)
            longest = max(longest, len(steps))
            if steps != list(range(len(steps))):
                print(f"FAIL: attempt {attempt}: steps are not a gap-free prefix: {steps[:10]}...")
                failures += 1
            if len(steps) <= flushed:
                print(f"FAIL: attempt {attempt}: flushed through step {flushed}, TensorBoard loaded {len(steps)}")
                failures += 1
    print(f"crash safety with TensorBoard's loader: {kills} kills, {failures} failures, longest run {longest} steps")
    sys.exit(1 if failures or longest <= 37 else 0)


if __name__ == "__main__":
    main()
