"""A local S3 for tests and benchmarks: moto's server on 127.0.0.1 with a free port, started and
stopped by its PID, with signature checking on (an IAM user's key, so curl's SigV4 is verified);
and a small fault-injecting HTTP proxy on loopback in front of it."""
import http.client
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import boto3
from botocore.config import Config


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    """moto_server with authentication on: the first 3 requests (making the IAM user) go without."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="3")
        self.log = open(os.devnull, "w")
        server = os.path.join(os.path.dirname(sys.executable), "moto_server")
        self.process = subprocess.Popen(
            [server, "-H", "127.0.0.1", "-p", str(self.port)], env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=2).read()
                break
            except Exception:
                if self.process.poll() is not None or time.time() > deadline:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.2)
        iam = boto3.client("iam", endpoint_url=self.url, aws_access_key_id="setup", aws_secret_access_key="setup",
                           region_name="us-east-1")
        iam.create_user(UserName="reader")
        key = iam.create_access_key(UserName="reader")["AccessKey"]
        iam.put_user_policy(UserName="reader", PolicyName="all", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        self.key_id, self.secret = key["AccessKeyId"], key["SecretAccessKey"]
        self.s3 = boto3.client("s3", endpoint_url=self.url, aws_access_key_id=self.key_id,
                               aws_secret_access_key=self.secret, region_name="us-east-1",
                               config=Config(max_pool_connections=32))

    def env(self, endpoint=None, **extra):
        """An environment for tfevents: this server's key and endpoint, no ~/.aws files."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "S3_ENDPOINT"}
        env.update(AWS_ACCESS_KEY_ID=self.key_id, AWS_SECRET_ACCESS_KEY=self.secret,
                   AWS_ENDPOINT_URL=endpoint or self.url, AWS_REGION="us-east-1",
                   AWS_SHARED_CREDENTIALS_FILE="/nonexistent", AWS_CONFIG_FILE="/nonexistent")
        env.update(extra)
        return env

    def upload_tree(self, bucket, local, prefix):
        """Every file below `local` as PREFIX/relative/path; returns how many."""
        count = 0
        for directory, _, files in os.walk(local):
            for name in files:
                path = os.path.join(directory, name)
                self.s3.upload_file(path, bucket, prefix + "/" + os.path.relpath(path, local))
                count += 1
        return count

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class FaultProxy:
    """Forwards requests to `upstream` unchanged (Host included, so signatures still verify), but
    answers some of them itself:
    - fail_first: each distinct request (method, path, query, Range) gets this many 503 SlowDown
      answers before it is forwarded;
    - always_503: every request gets 503;
    - region: requests not signed for this region get 400 AuthorizationHeaderMalformed naming it;
    - delay: seconds added to every answer (a network's round trip), for the benchmark."""

    def __init__(self, upstream_port, fail_first=0, always_503=False, region=None, delay=0.0):
        self.upstream_port = upstream_port
        self.fail_first, self.always_503, self.region, self.delay = fail_first, always_503, region, delay
        self.seen = {}
        self.faults = 0
        self.requests = 0
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                self.handle_any("HEAD")

            def do_GET(self):
                self.handle_any("GET")

            def reply(self, status, body, headers=()):
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def handle_any(self, method):
                if proxy.delay:
                    time.sleep(proxy.delay)
                key = (method, self.path, self.headers.get("Range"))
                with proxy.lock:
                    proxy.requests += 1
                    count = proxy.seen.get(key, 0)
                    proxy.seen[key] = count + 1
                    fault = proxy.always_503 or count < proxy.fail_first
                    if fault:
                        proxy.faults += 1
                if fault:
                    return self.reply(503, b"<?xml version='1.0'?><Error><Code>SlowDown</Code>"
                                           b"<Message>Please reduce your request rate.</Message></Error>")
                auth = self.headers.get("Authorization", "")
                if proxy.region and f"/{proxy.region}/s3/" not in auth:
                    body = (f"<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region is wrong; "
                            f"expecting '{proxy.region}'</Message><Region>{proxy.region}</Region></Error>").encode()
                    return self.reply(400, body, [("x-amz-bucket-region", proxy.region)])
                connection = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=60)
                connection.putrequest(method, self.path, skip_host=True, skip_accept_encoding=True)
                for name, value in self.headers.items():
                    connection.putheader(name, value)
                connection.endheaders()
                answer = connection.getresponse()
                body = answer.read()
                headers = [(n, v) for n, v in answer.getheaders()
                           if n.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date")]
                connection.close()
                self.reply(answer.status, body, headers)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
