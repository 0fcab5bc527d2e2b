"""Reading a 100-run log directory from a local S3 (moto's server, signatures checked) with 1 and
with 8 requests in flight (`s3.max_concurrent_requests` in the AWS config file), directly and
through a proxy that adds a network's round trip to every answer. Prints one JSON line per case.

Usage: python s3_read.py TFEVENTS [--runs 100] [--repetitions 3] [--delay 0.02]"""
import argparse
import concurrent.futures
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Interop"))
from s3_server import FaultProxy, Moto  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("tfevents")
parser.add_argument("--runs", type=int, default=100)
parser.add_argument("--repetitions", type=int, default=3)
parser.add_argument("--delay", type=float, default=0.02)
args = parser.parse_args()

moto = Moto()
work = tempfile.mkdtemp()
try:
    # 100 runs: the demo's three runs of 3,000 steps, copied round-robin.
    subprocess.run([args.tfevents, "demo", os.path.join(work, "demo"), "--steps", "3000"], check=True,
                   stdout=subprocess.DEVNULL)
    files = sorted(glob.glob(os.path.join(work, "demo", "**", "*tfevents*"), recursive=True))
    blobs = [open(f, "rb").read() for f in files]
    moto.s3.create_bucket(Bucket="bench")
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: moto.s3.put_object(
            Bucket="bench", Key=f"logdir/run_{i:03d}/events.out.tfevents.{i}.bench", Body=blobs[i % len(blobs)]),
            range(args.runs)))
    total = sum(len(blobs[i % len(blobs)]) for i in range(args.runs))
    proxy = FaultProxy(moto.port, delay=args.delay)
    reference = None
    for label, endpoint in [("local S3", moto.url), (f"local S3 + {int(args.delay * 1000)} ms round trip", proxy.url)]:
        for inflight in (1, 8):
            config = os.path.join(work, f"config-{inflight}")
            with open(config, "w") as f:
                f.write(f"[default]\ns3 =\n  max_concurrent_requests = {inflight}\n")
            env = moto.env(endpoint, AWS_CONFIG_FILE=config)
            times = []
            for _ in range(args.repetitions):
                start = time.perf_counter()
                result = subprocess.run([args.tfevents, "summary", "s3://bench/logdir", "--format", "json"], env=env,
                                        capture_output=True, check=True)
                times.append(time.perf_counter() - start)
                reference = reference or result.stdout
                assert result.stdout == reference, "a different summary"
            best = min(times)
            print(json.dumps({"workload": "s3 read 100 runs", "server": label, "in_flight": inflight,
                              "runs": args.runs, "bytes": total, "seconds": round(best, 3),
                              "mb_per_s": round(total / best / 1e6, 1)}), flush=True)
    proxy.stop()
finally:
    moto.stop()
