"""Headless Chromium driven through the DevTools protocol over --remote-debugging-pipe: JSON
messages separated by NUL bytes on file descriptors 3 (commands) and 4 (replies and events),
so no WebSocket library is needed. Used by the browser checks and Scripts/screenshots.py."""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time


def executable():
    """Debian's /usr/bin/chromium is a shell wrapper that does not keep descriptors 3 and 4 for
    the browser; the browser itself is /usr/lib/chromium/chromium."""
    for path in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if path and os.access(path, os.X_OK):
            return path
    raise RuntimeError("Chromium is not installed (Scripts/install-deps.sh chromium)")


class Chromium:
    """One headless browser. `open(url)` gives a page; close the browser when done (or use `with`)."""

    def __init__(self, width=1400, height=1000, extra_args=()):
        self.profile = tempfile.TemporaryDirectory(prefix="chromium-")
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def descriptors_3_and_4():
            # Through fresh descriptors, in case the pipes already sit on 3 or 4.
            read_end, write_end = os.dup(commands_read), os.dup(replies_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        # Software WebGL (SwiftShader) for the mesh and projector dashboards on machines without a GPU.
        self.log = tempfile.NamedTemporaryFile("w+", prefix="chromium-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [executable(), "--headless=new", "--no-sandbox", "--hide-scrollbars", "--mute-audio",
             "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--autoplay-policy=no-user-gesture-required",
             "--remote-debugging-pipe", f"--window-size={width},{height}", f"--user-data-dir={self.profile.name}",
             *extra_args, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            preexec_fn=descriptors_3_and_4, pass_fds=(3, 4))
        os.close(commands_read)
        os.close(replies_write)
        self.buffer = b""
        self.last_id = 0
        self.width, self.height = width, height
        # Events of the domains a watched page enables (see Page), in arrival order.
        self.events = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, method, session=None, **params):
        """Sends a command and returns its result; events that arrive meanwhile are kept in
        `events`. A JavaScript dialog (alert, confirm) is dismissed as soon as it opens, since it
        would block the page and every later command; its event stays in `events`."""
        self.last_id += 1
        wanted = self.last_id
        self._write(method, session, wanted, params)
        while True:
            reply = self._read()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
                if reply["method"] == "Page.javascriptDialogOpening":
                    self.last_id += 1
                    self._write("Page.handleJavaScriptDialog", reply.get("sessionId"), self.last_id, {"accept": False})

    def _write(self, method, session, identifier, params):
        message = {"id": identifier, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")

    def _read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                self.log.flush()
                raise RuntimeError("Chromium closed its pipe:\n" + open(self.log.name).read()[-2000:])
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url, watch=False):
        return Page(self, url, watch)

    def close(self):
        if self.process.poll() is None:
            try:
                self.send("Browser.close")
                self.process.wait(15)
            except (RuntimeError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for fd in (self.commands, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        self.profile.cleanup()


class Page:
    """A tab: evaluate JavaScript, wait for conditions, take screenshots. A watched tab enables
    the Page, Network, Runtime and Log domains before it loads the URL, so that `events()` holds
    every request, console message, exception and dialog of the page from its first byte."""

    def __init__(self, browser, url, watch=False):
        self.browser = browser
        self.target = browser.send("Target.createTarget", url="about:blank" if watch else url)["targetId"]
        self.session = browser.send("Target.attachToTarget", targetId=self.target, flatten=True)["sessionId"]
        if watch:
            for domain in ("Page", "Network", "Runtime", "Log"):
                browser.send(f"{domain}.enable", self.session)
            browser.send("Page.navigate", self.session, url=url)
        # The tab starts on about:blank and commits the URL a moment later.
        self.wait_for('location.href !== "about:blank" && document.readyState === "complete"')

    def close(self):
        """Closes the tab (its events stay in the browser's `events`)."""
        self.browser.send("Target.closeTarget", targetId=self.target)

    def events(self, *methods):
        """This tab's events (of the given methods), in arrival order."""
        return [e for e in self.browser.events
                if e.get("sessionId") == self.session and (not methods or e["method"] in methods)]

    def evaluate(self, expression, timeout=60):
        """The value of a JavaScript expression (promises are awaited), as JSON."""
        result = self.browser.send("Runtime.evaluate", self.session, expression=expression, awaitPromise=True,
                                   returnByValue=True, timeout=timeout * 1000)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise RuntimeError(f"JavaScript failed: {details.get('exception', {}).get('description', details)}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=60, interval=0.25):
        """Evaluates `expression` until it is truthy; returns its value, or raises after `timeout` s."""
        deadline = time.time() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None  # the page is still loading (a context went away, or an element is missing)
            if value:
                return value
            if time.time() > deadline:
                raise RuntimeError(f"not true after {timeout} s: {expression}")
            time.sleep(interval)

    def screenshot(self, clip=None):
        """PNG bytes of the viewport, or of `clip` = (x, y, width, height) in CSS pixels."""
        params = {"format": "png"}
        if clip:
            x, y, w, h = clip
            params["clip"] = {"x": x, "y": y, "width": w, "height": h, "scale": 1}
        return base64.b64decode(self.browser.send("Page.captureScreenshot", self.session, **params)["data"])
