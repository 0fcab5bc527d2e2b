"""Shared helpers: failure collection and exact float comparison."""
import math
import struct


class Context:
    def __init__(self, logdir, manifest):
        self.logdir = logdir
        self.manifest = manifest
        self.failures = []
        self._multiplexer = None

    def multiplexer(self):
        """TensorBoard's Python multiplexer over the logdir, keeping every point of every plugin;
        loaded once and shared by the checker modules."""
        if self._multiplexer is None:
            from tensorboard.backend.event_processing import plugin_event_multiplexer
            plugins = ("scalars", "images", "histograms", "text", "hparams", "audio")
            self._multiplexer = plugin_event_multiplexer.EventMultiplexer(
                tensor_size_guidance={plugin: 0 for plugin in plugins})
            self._multiplexer.AddRunsFromDirectory(self.logdir)
            self._multiplexer.Reload()
        return self._multiplexer

    def fail(self, message):
        self.failures.append(message)
        print("FAIL:", message, flush=True)

    def runs_with(self, section):
        """(run, spec, items by tag) for every run whose manifest has `section`."""
        for run, spec in sorted(self.manifest["runs"].items()):
            if section in spec:
                yield run, spec, spec[section]


def number(x):
    """A manifest or API number, with TensorBoard's strings for non-finite values."""
    if isinstance(x, str):
        return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[x]
    return x


def same_float(a, b):
    """Exact equality, including the sign of zero; NaN equals NaN."""
    a, b = number(a), number(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return struct.pack("<d", a) == struct.pack("<d", b)
