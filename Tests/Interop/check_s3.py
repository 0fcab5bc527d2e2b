"""`s3://` log directories against a local S3 (moto's server, signatures checked), never skipped:

- every fixture log directory uploaded: `summary --format json`, `export`, `inspect --format json`
  and `tail --once` of the s3:// copy equal those of the local folder byte for byte (paths
  aside), exit statuses included;
- a prefix with more than 1,000 keys lists completely (ListObjectsV2 continuation);
- a growing object is followed by `tail` from where it stopped; a replaced object is reported;
- a server that answers 503 and then succeeds is retried (a fault-injecting proxy on loopback),
  and a bucket in another region is followed;
- a wrong endpoint, a missing bucket, missing credentials, a wrong secret and a server that stays
  unavailable each give one line naming the URL (and the HTTP status), exit 1, no secret shown.

Usage: python check_s3.py TFEVENTS"""
import concurrent.futures
import glob
import os
import struct
import subprocess
import sys
import tempfile
import time

from s3_server import FaultProxy, Moto, free_port

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "Fixtures", "logdirs")
TFEVENTS = os.path.abspath(sys.argv[1])
BUCKET = "logs"
checks = 0


def run(args, env, timeout=120):
    return subprocess.run([TFEVENTS] + args, env=env, capture_output=True, timeout=timeout, cwd=ROOT)


def check(condition, message):
    global checks
    if not condition:
        raise SystemExit("FAIL: " + message)
    checks += 1


def same_output(name, args, moto):
    local = os.path.join("Fixtures", "logdirs", name)
    remote = f"s3://{BUCKET}/fixtures/{name}"
    a = run([args[0], local] + args[1:], moto.env())
    b = run([args[0], remote] + args[1:], moto.env())
    expected = a.stdout.replace(local.encode(), remote.encode())
    check(a.returncode == b.returncode, f"{name} {args}: exit {a.returncode} locally, {b.returncode} from S3: {b.stderr[-400:]!r}")
    check(expected == b.stdout, f"{name} {args}: output differs\n--- local\n{expected[:600]!r}\n--- s3\n{b.stdout[:600]!r}")
    check(a.stderr.replace(local.encode(), remote.encode()) == b.stderr, f"{name} {args}: stderr differs: {a.stderr[-300:]!r} / {b.stderr[-300:]!r}")


def records(data):
    """The byte offsets where the TFRecords of `data` end."""
    ends, offset = [], 0
    while offset + 12 <= len(data):
        (length,) = struct.unpack_from("<Q", data, offset)
        offset += 12 + length + 4
        ends.append(offset)
    return ends


def one_error_line(result, *needles, secret=None):
    lines = result.stderr.decode().strip().splitlines()
    check(result.returncode == 1, f"exit {result.returncode}, not 1: {result.stderr!r}")
    check(len(lines) == 1, f"not one line: {lines}")
    for needle in needles:
        check(needle in lines[0], f"{needle!r} not in {lines[0]!r}")
    if secret:
        check(secret not in result.stderr.decode() + result.stdout.decode(), "the secret was printed")
    return lines[0]


def follow(moto, logdir, env=None):
    """`tail --lines --from-start` of `logdir`, reading its output on a thread."""
    process = subprocess.Popen([TFEVENTS, "tail", logdir, "--lines", "--from-start", "--interval", "0.2"],
                               env=env or moto.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    lines, errors = [], []
    pool = concurrent.futures.ThreadPoolExecutor(2)
    pool.submit(lambda: [lines.append(line) for line in process.stdout])
    pool.submit(lambda: [errors.append(line) for line in process.stderr])
    return process, lines, errors, pool


def wait_for(predicate, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def main():
    moto = Moto()
    try:
        moto.s3.create_bucket(Bucket=BUCKET)
        names = sorted(n for n in os.listdir(FIXTURES) if os.path.isdir(os.path.join(FIXTURES, n)))
        for name in names:
            moto.upload_tree(BUCKET, os.path.join(FIXTURES, name), f"fixtures/{name}")
        for name in names:
            same_output(name, ["summary", "--format", "json"], moto)
            same_output(name, ["export"], moto)
            same_output(name, ["inspect", "--format", "json"], moto)
            same_output(name, ["tail", "--once"], moto)
        print(f"s3: {len(names)} fixture log directories read from S3 equal the local ones "
              "(summary, export, inspect, tail --once)")

        # A single object, and two log directories in one summary.
        first = sorted(glob.glob(os.path.join(FIXTURES, "multi_file_run", "**", "*tfevents*"), recursive=True))[0]
        key = "fixtures/multi_file_run/" + os.path.relpath(first, os.path.join(FIXTURES, "multi_file_run"))
        a = run(["inspect", os.path.relpath(first, ROOT), "--format", "json"], moto.env())
        b = run(["inspect", f"s3://{BUCKET}/{key}", "--format", "json"], moto.env())
        local_dir = os.path.dirname(os.path.relpath(first, ROOT))
        remote_dir = os.path.dirname(f"s3://{BUCKET}/{key}").encode()
        paths_aside = a.stdout.replace(os.path.join(ROOT, local_dir).encode(), remote_dir).replace(local_dir.encode(), remote_dir)
        check(a.returncode == b.returncode and paths_aside == b.stdout, f"inspect of one object differs: {b.stdout[:400]!r}")
        both = run(["summary", f"s3://{BUCKET}/fixtures/tbx_seeds", f"s3://{BUCKET}/fixtures/nested_runs"], moto.env())
        check(both.returncode == 0 and b"nested_runs" in both.stdout, f"two s3 log directories: {both.stderr!r}")

        # More than 1,000 keys: 1,205 runs, plus placeholders that are not files.
        small = open(sorted(glob.glob(os.path.join(FIXTURES, "nested_runs", "*tfevents*")))[0], "rb").read()
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda i: moto.s3.put_object(Bucket=BUCKET, Key=f"many/run_{i:04d}/events.out.tfevents.1.h",
                                                       Body=small), range(1205)))
        moto.s3.put_object(Bucket=BUCKET, Key="many/folder/", Body=b"")
        result = run(["summary", f"s3://{BUCKET}/many", "--format", "json"], moto.env())
        import json
        runs = json.loads(result.stdout)["runs"]
        check(result.returncode == 0 and len(runs) == 1205, f"many keys: {len(runs)} runs, {result.stderr[-300:]!r}")
        print("s3: a prefix of 1,206 keys lists completely (1,205 runs)")

        # A growing object: tail follows it from where it stopped, nothing reported.
        data = open(sorted(glob.glob(os.path.join(FIXTURES, "tbx_seeds", "**", "*tfevents*"), recursive=True))[0], "rb").read()
        expected = run(["tail", "--once", f"s3://{BUCKET}/fixtures/tbx_seeds", "--runs", "lr_0.01/seed_1"], moto.env())
        ends = records(data)
        cut = ends[len(ends) // 3]
        moto.s3.put_object(Bucket=BUCKET, Key="grow/run/events.out.tfevents.1.h", Body=data[:cut])
        process, lines, errors, pool = follow(moto, f"s3://{BUCKET}/grow")
        try:
            check(wait_for(lambda: len(lines) > 0), "tail printed nothing for the first part")
            before = len(lines)
            moto.s3.put_object(Bucket=BUCKET, Key="grow/run/events.out.tfevents.1.h", Body=data[:ends[2 * len(ends) // 3]])
            check(wait_for(lambda: len(lines) > before), "tail did not follow the object's growth")
            moto.s3.put_object(Bucket=BUCKET, Key="grow/run/events.out.tfevents.1.h", Body=data)
            total = len(expected.stdout.splitlines())
            check(wait_for(lambda: len(lines) >= total), f"tail printed {len(lines)} of {total} lines")
            time.sleep(0.6)
        finally:
            process.terminate()
            process.wait(10)
            pool.shutdown()
        got = b"".join(lines).replace(b"run  ", b"", 1)
        check([l.split(b"  ", 1)[1] for l in lines] == [l.split(b"  ", 1)[1] for l in expected.stdout.splitlines(True)],
              "the followed object's points differ from the whole file's")
        check(not any(b"replaced" in e for e in errors), f"growth reported as a replacement: {errors}")
        print(f"s3: a growing object followed by tail in 3 uploads ({len(lines)} points, as in the whole file)")

        # A replaced object: reported, then the new one is read from its start.
        other = open(sorted(glob.glob(os.path.join(FIXTURES, "tbx_seeds", "**", "*tfevents*"), recursive=True))[1], "rb").read()
        moto.s3.put_object(Bucket=BUCKET, Key="swap/run/events.out.tfevents.1.h", Body=data)
        process, lines, errors, pool = follow(moto, f"s3://{BUCKET}/swap")
        try:
            check(wait_for(lambda: len(lines) >= total), "tail did not read the first object")
            replacement = other[:records(other)[len(records(other)) // 2]]
            moto.s3.put_object(Bucket=BUCKET, Key="swap/run/events.out.tfevents.1.h", Body=replacement)
            check(wait_for(lambda: any(b"replaced" in e for e in errors)), f"the replacement was not reported: {errors}")
        finally:
            process.terminate()
            process.wait(10)
            pool.shutdown()
        message = [e for e in errors if b"replaced" in e][0].decode().strip()
        check("ETag" in message, message)
        print(f"s3: a replaced object is reported: {message}")

        # 503 then success: retried (each request fails twice first), same output.
        proxy = FaultProxy(moto.port, fail_first=2)
        try:
            local = run(["summary", "Fixtures/logdirs/tbx_seeds", "--format", "json"], moto.env())
            remote = run(["summary", f"s3://{BUCKET}/fixtures/tbx_seeds", "--format", "json"], moto.env(proxy.url))
            check(remote.returncode == 0, f"retries: {remote.stderr!r}")
            check(local.stdout.replace(b"Fixtures/logdirs/tbx_seeds", f"s3://{BUCKET}/fixtures/tbx_seeds".encode())
                  == remote.stdout, "retried reading differs")
            check(proxy.faults >= 2 and proxy.faults == 2 * len(proxy.seen), f"{proxy.faults} faults for {len(proxy.seen)} requests")
            print(f"s3: {proxy.faults} answers 503 SlowDown retried ({len(proxy.seen)} requests, each failed twice first)")
        finally:
            proxy.stop()

        # A bucket in another region: followed.
        proxy = FaultProxy(moto.port, region="eu-west-3")
        try:
            remote = run(["summary", f"s3://{BUCKET}/fixtures/tbx_seeds", "--format", "json"], moto.env(proxy.url))
            check(remote.returncode == 0 and remote.stdout == local.stdout.replace(
                b"Fixtures/logdirs/tbx_seeds", f"s3://{BUCKET}/fixtures/tbx_seeds".encode()), f"region: {remote.stderr!r}")
            print("s3: a bucket in another region (eu-west-3) is followed")
        finally:
            proxy.stop()

        # Errors people can act on.
        proxy = FaultProxy(moto.port, always_503=True)
        try:
            line = one_error_line(run(["summary", f"s3://{BUCKET}/fixtures/tbx_seeds"], moto.env(proxy.url, AWS_MAX_ATTEMPTS="3")),
                                  proxy.url, "HTTP 503", "after 3 attempts", secret=moto.secret)
            print("s3: unavailable:", line)
        finally:
            proxy.stop()
        closed = f"http://127.0.0.1:{free_port()}"
        line = one_error_line(run(["summary", f"s3://{BUCKET}/x"], moto.env(closed)), closed, "no answer", secret=moto.secret)
        print("s3: wrong endpoint:", line)
        line = one_error_line(run(["export", "s3://no-such-bucket/x"], moto.env()), "HTTP 404", "NoSuchBucket", moto.url,
                              secret=moto.secret)
        print("s3: missing bucket:", line)
        env = moto.env()
        del env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"]
        with tempfile.TemporaryDirectory() as home:
            env["HOME"] = home
            line = one_error_line(run(["inspect", f"s3://{BUCKET}/fixtures/tbx_seeds"], env), "no AWS credentials", moto.url)
        print("s3: missing credentials:", line)
        line = one_error_line(run(["tail", "--once", f"s3://{BUCKET}/fixtures/tbx_seeds"],
                                  moto.env(AWS_SECRET_ACCESS_KEY="wrong-" + moto.secret)), "HTTP 403", moto.url,
                              secret=moto.secret)
        print("s3: wrong secret:", line)
        line = one_error_line(run(["summary", f"s3://{BUCKET}/no/such/prefix"], moto.env()), "no such log directory")
        print("s3: missing prefix:", line)
    finally:
        moto.stop()
    print(f"{checks} passed, 0 failed")


main()
