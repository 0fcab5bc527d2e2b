"""Starts a real TensorBoard on 127.0.0.1, queries its HTTP API, and stops it by PID."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TensorBoard:
    """One `tensorboard --logdir D --host 127.0.0.1` process in a given loader mode."""

    def __init__(self, logdir, load_fast, extra=()):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.mode = "rust" if load_fast else "python"
        exe = os.path.join(os.path.dirname(sys.executable), "tensorboard")
        args = [exe, "--logdir", logdir, "--host", "127.0.0.1", "--port", str(self.port),
                "--reload_interval", "1", f"--load_fast={'true' if load_fast else 'false'}", *extra]
        if load_fast:
            # Without --checksum the Rust loader does not verify data CRCs (EventFileFormat.md §2.3).
            args.append("--extra_data_server_flags=--checksum")
        self.log = tempfile.NamedTemporaryFile("w+", prefix=f"tensorboard-{self.mode}-", suffix=".log",
                                               delete=False)
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.PIPE)

    def __enter__(self):
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tensorboard ({self.mode}) exited early:\n{self.log_text()}")
            try:
                self.get("/data/runs")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"tensorboard ({self.mode}) did not answer in 120 s:\n{self.log_text()}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process.stdin:
            self.process.stdin.close()  # the Rust data server exits when its stdin closes

    def log_text(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()[-4000:]

    def request(self, path, data=None, content_type=None):
        headers = {"Content-Type": content_type} if content_type else {}
        req = urllib.request.Request(self.base + path, data=data, headers=headers)
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()

    def get(self, path, **query):
        if query:
            path += "?" + urllib.parse.urlencode(query)
        _, _, body = self.request(path)
        return json.loads(body)

    def get_bytes(self, path):
        return self.request(path)

    def post_json(self, path, payload):
        _, _, body = self.request(path, json.dumps(payload).encode(), "application/json")
        return json.loads(body)

    def post_form(self, path, fields):
        _, _, body = self.request(path, urllib.parse.urlencode(fields, doseq=True).encode(),
                                  "application/x-www-form-urlencoded")
        return json.loads(body)


def poll(fetch, check, timeout=90, interval=0.5):
    """Calls fetch() until check(result) returns no problems or the time is up; returns the last
    (result, problems). TensorBoard loads asynchronously, so data may arrive in parts."""
    deadline = time.time() + timeout
    while True:
        try:
            result = fetch()
            problems = check(result)
        except urllib.error.HTTPError as e:
            result, problems = None, [f"HTTP {e.code}: {e.read()[:300].decode(errors='replace')}"]
        if not problems or time.time() > deadline:
            return result, problems
        time.sleep(interval)
