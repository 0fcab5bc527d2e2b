"""Writes Fixtures/distributions/reference.json: histograms as TensorBoard's DISTRIBUTIONS
dashboard compresses them, for Tests/TFEventsCLITests/HistogramCompressionTests.swift.

Each case is a list of buckets `[left, right, count]` and what TensorBoard 2.21's own
`tensorboard.plugins.distribution.compressor.compress_histogram` makes of it: the values at the
basis points (0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000) of 10,000. The buckets come from
TensorBoard's `histogram_pb` (TensorFlow 2's bucketing, as the plugin reads them back with
`tensor_util.make_ndarray(...).tolist()`), from tensorboardX's exponential bucketing, and by hand
for the edge cases (no bucket, zero counts, fractional, huge and negative counts, zero-width
buckets, several thousand buckets whose float sum depends on numpy's pairwise summation).

Every number is written as Python's repr (shortest round-trip form), as a string, so the Swift
side parses it exactly. Usage (needs tensorboard==2.21.0 and numpy, as in the interop venv):

    "$(Scripts/python-venv.sh)/bin/python" Scripts/distribution_reference.py > Fixtures/distributions/reference.json
"""
import json
import sys

import numpy as np
import tensorboard
from tensorboard.plugins.distribution import compressor
from tensorboard.plugins.histogram.summary_v2 import histogram_pb
from tensorboard.util import tensor_util


def s(x):
    return repr(float(x))


def tf2_buckets(values, bucket_count=30):
    """The buckets TensorBoard's histogram plugin hands the compressor for these values."""
    tensor = histogram_pb("t", np.asarray(values, dtype=np.float64), buckets=bucket_count).value[0].tensor
    return tensor_util.make_ndarray(tensor).tolist()


def tbx_buckets(values):
    """tensorboardX's default exponential bucketing (±1e-12·1.1^k and 0), occupied range only,
    as [left, right, count] rows the way TensorBoard's data_compat converts them."""
    positive = []
    v = 1e-12
    while v < 1e20:
        positive.append(v)
        v *= 1.1
    edges = [-x for x in reversed(positive)] + [0.0] + positive
    counts, _ = np.histogram(values, bins=edges)
    occupied = np.nonzero(counts)[0]
    first, last = occupied[0], occupied[-1]
    rows = []
    for i in range(first, last + 1):
        rows.append([edges[i], edges[i + 1], float(counts[i])])
    rows[0][0] = float(np.min(values))
    rows[-1][1] = float(np.max(values))
    return rows


def cases():
    rng = np.random.default_rng(20240612)
    yield "empty", []
    yield "one_value", tf2_buckets([0.5])
    yield "all_equal", tf2_buckets([3.0] * 100)
    yield "normal_1000", tf2_buckets(rng.normal(0, 1, 1000))
    yield "normal_shifted_10000", tf2_buckets(rng.normal(-40, 0.01, 10000))
    yield "uniform_7_buckets", tf2_buckets(rng.uniform(-1, 1, 500), bucket_count=7)
    yield "lognormal_100_buckets", tf2_buckets(rng.lognormal(0, 2, 5000), bucket_count=100)
    yield "bimodal", tf2_buckets(np.concatenate([rng.normal(-3, 0.2, 700), rng.normal(5, 1, 300)]))
    yield "tensorboardx_normal", tbx_buckets(rng.normal(0, 1, 2000))
    yield "tensorboardx_positive", tbx_buckets(rng.exponential(3, 1000))
    yield "zero_counts", [[0.0, 1.0, 0.0], [1.0, 2.0, 0.0], [2.0, 3.0, 0.0]]
    yield "zero_counts_at_ends", [[0.0, 1.0, 0.0], [1.0, 2.0, 5.0], [2.0, 3.0, 0.0], [3.0, 4.0, 3.0], [4.0, 5.0, 0.0]]
    yield "one_bucket", [[-2.5, 7.25, 12.0]]
    yield "zero_width", [[1.0, 1.0, 4.0], [1.0, 1.0, 0.0], [1.0, 2.0, 4.0]]
    yield "fractional", [[float(i), float(i + 1), float(c)] for i, c in enumerate(rng.uniform(0, 1, 30))]
    yield "huge_counts", [[float(i), float(i + 1), float(c)] for i, c in enumerate(rng.uniform(1e15, 1e17, 20))]
    yield "tiny_counts", [[float(i), float(i + 1), float(c)] for i, c in enumerate(rng.uniform(0, 1e-300, 12))]
    yield "negative_count", [[0.0, 1.0, 3.0], [1.0, 2.0, -1.0], [2.0, 3.0, 4.0]]
    # More than 128 buckets: numpy sums the counts pairwise, which a plain running sum does not match.
    for n in (9, 17, 129, 300, 1000, 2000):
        counts = rng.uniform(0, 1, n) * 10.0 ** rng.uniform(-3, 3, n)
        edges = np.sort(rng.normal(0, 10, n + 1))
        yield f"pairwise_{n}", [[float(edges[i]), float(edges[i + 1]), float(counts[i])] for i in range(n)]


def main():
    out = []
    for name, buckets in cases():
        compressed = compressor.compress_histogram(buckets)
        assert [bp for bp, _ in compressed] == list(compressor.NORMAL_HISTOGRAM_BPS)
        out.append({
            "name": name,
            "buckets": [[s(x) for x in row] for row in buckets],
            "compressed": [s(value) for _, value in compressed],
        })
    json.dump({
        "generator": "Scripts/distribution_reference.py",
        "tensorboard": tensorboard.__version__,
        "numpy": np.__version__,
        "basis_points": list(compressor.NORMAL_HISTOGRAM_BPS),
        "cases": out,
    }, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
