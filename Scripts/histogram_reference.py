"""Writes Fixtures/histograms/reference.json: histograms of many inputs as the reference
implementations compute them, for Tests/TFEventsTests/HistogramReferenceTests.swift.

- "tf2": rows of TensorBoard's `histogram_pb` (TensorFlow 2's bucketing, 30 buckets), computed on
  the finite values only: our policy leaves NaN and infinities out, and `histogram_pb` would turn
  every edge into NaN. "tf2_sound" is false where `histogram_pb` itself loses counts (a range of a
  few subnormals, or one beyond the largest double).
- "tbx": `bucket_limit` and `bucket` of tensorboardX's `make_histogram` with its default
  "tensorflow" bins (None when tensorboardX raises: no value inside its edges).
- "edges": for each edge list, the counts of `numpy.histogram(values, bins=edges)`.

Every number is written as Python's repr (shortest round-trip form), as a string, so the Swift
side parses it exactly. Usage (needs tensorboard==2.21.0, tensorboardX==2.6.5, numpy):

    python Scripts/histogram_reference.py > Fixtures/histograms/reference.json

For a wider comparison, `--random N` writes N random inputs instead (mixtures of scales, signs,
ties, edge values and non-finite values); check them with
`TFEVENTS_HISTOGRAM_REFERENCE=/tmp/random.json swift test --filter HistogramReferenceTests`.
"""
import json
import math
import sys
import warnings

import numpy as np
from tensorboard.plugins.histogram.summary_v2 import histogram_pb
from tensorboard.util import tensor_util
from tensorboardX import SummaryWriter
from tensorboardX.summary import make_histogram

warnings.simplefilter("ignore")


def default_bins():
    # Exactly what tensorboardX's SummaryWriter computes in __init__ (writer.py).
    v = 1e-12
    buckets, neg = [], []
    while v < 1e20:
        buckets.append(v)
        neg.append(-v)
        v *= 1.1
    return neg[::-1] + [0] + buckets


BINS = default_bins()
assert len(BINS) == 1549
# Cross-check with the SummaryWriter itself.
_writer = SummaryWriter(write_to_disk=False)
assert _writer.default_bins == BINS
_writer.close()


def s(x):
    return repr(float(x))


def case(name, values, float32=False, edges=()):
    values = np.asarray(values, dtype=np.float32 if float32 else np.float64)
    wide = values.astype(np.float64)
    finite = wide[np.isfinite(wide)]
    tensor = histogram_pb("t", finite).value[0].tensor
    tf2 = tensor_util.make_ndarray(tensor).tolist()
    # histogram_pb divides by zero when max - min is a few subnormals and overflows to NaN edges
    # when it exceeds the largest double; both lose counts. We compute those cases soundly instead.
    tf2_sound = bool(np.all(np.isfinite(tf2))) and sum(r[2] for r in tf2) == finite.size
    try:
        h = make_histogram(wide, BINS)
        tbx = {"limits": [s(x) for x in h.bucket_limit], "counts": [s(x) for x in h.bucket]}
    except ValueError:
        tbx = None
    edge_cases = []
    for e in edges:
        counts, _ = np.histogram(wide, bins=np.asarray(e, dtype=np.float64))
        edge_cases.append({"edges": [s(x) for x in e], "counts": [int(c) for c in counts]})
    return {
        "name": name,
        "float32": float32,
        "values": [s(x) for x in wide],
        "nonfinite": int(np.sum(~np.isfinite(wide))),
        "tf2": [[s(x) for x in row] for row in tf2],
        "tf2_sound": tf2_sound,
        "tbx": tbx,
        "edges": edge_cases,
    }


def random_cases(count):
    rng = np.random.default_rng(count)
    cases = []
    for i in range(count):
        n = int(rng.choice([1, 2, 3, 10, 100, 1000]))
        kind = i % 6
        if kind == 0:
            values = rng.normal(rng.uniform(-1e3, 1e3), 10 ** rng.uniform(-12, 12), n)
        elif kind == 1:
            values = rng.choice([-1.0, 1.0], n) * 10 ** rng.uniform(-15, 22, n)
        elif kind == 2:
            values = rng.integers(-3, 4, n) * 10.0 ** int(rng.integers(-13, 20))
        elif kind == 3:
            values = rng.choice(BINS, n) * rng.choice([1.0, 1.0 + 1e-16, 1.0 - 1e-16], n)
        elif kind == 4:
            values = rng.uniform(-1, 1, n)
            values[rng.random(n) < 0.2] = rng.choice([math.nan, math.inf, -math.inf])
        else:
            values = rng.exponential(10 ** rng.uniform(-10, 10), n) * rng.choice([-1.0, 1.0])
        float32 = bool(rng.random() < 0.3)
        lo, hi = np.sort(rng.normal(0, 10 ** rng.uniform(-3, 3), 2))
        edges = np.unique(np.concatenate([[lo, hi], rng.uniform(lo, hi, int(rng.integers(0, 12)))])).tolist()
        cases.append(case(f"random_{i}", values, float32=float32, edges=[edges] if len(edges) >= 2 else []))
    return cases


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--random":
        json.dump({"generator": "Scripts/histogram_reference.py --random", "cases": random_cases(int(sys.argv[2]))},
                  sys.stdout, separators=(",", ":"))
        sys.stdout.write("\n")
        return
    rng = np.random.default_rng(20240521)
    cases = []
    normal = rng.normal(0, 1, 1000)
    cases.append(case("normal_1000", normal, edges=[[-3, -1, 0, 1, 3], np.linspace(-2, 2, 9).tolist()]))
    cases.append(case("normal_float32_1000", rng.normal(0.5, 2, 1000), float32=True,
                      edges=[[-1, 0, 0.5, 4]]))
    cases.append(case("uniform_01_500", rng.uniform(0, 1, 500), edges=[[0, 0.25, 0.5, 0.75, 1]]))
    cases.append(case("one_value", [0.3], edges=[[0, 0.3], [0.3, 1], [0.1, 0.2]]))
    cases.append(case("one_zero", [0.0]))
    cases.append(case("one_negative", [-7.5]))
    cases.append(case("all_equal", [3.0] * 5, edges=[[1, 2, 3], [3, 3, 4]]))
    cases.append(case("all_equal_float32", [0.1] * 7, float32=True))
    cases.append(case("negative_only", -rng.exponential(3, 300)))
    cases.append(case("integers_0_to_30", list(range(31)), edges=[list(range(0, 31, 5)), [0, 10, 10, 20, 30]]))
    cases.append(case("integer_ties", rng.integers(-5, 6, 400).astype(float)))
    cases.append(case("huge", rng.uniform(1e15, 1e19, 200)))
    cases.append(case("tiny", rng.uniform(1e-13, 1e-9, 200)))
    signs = rng.choice([-1.0, 1.0], 600)
    cases.append(case("log_uniform_signed", signs * 10 ** rng.uniform(-14, 21, 600)))
    cases.append(case("log_uniform_float32", signs[:400] * 10 ** rng.uniform(-14, 21, 400), float32=True))
    cases.append(case("beyond_tbx_range", [-1e21, -1e20, 5.0, 1e20, 2e25]))
    cases.append(case("only_beyond_tbx_range", [1e21, -3e22]))
    cases.append(case("tbx_edges_exact", BINS[::97] + [BINS[0], BINS[-1], 0.0, 1e-12, -1e-12]))
    cases.append(case("tbx_first_bucket", [BINS[0], (BINS[0] + BINS[1]) / 2, 1.0]))
    cases.append(case("tbx_last_bucket", [BINS[-1], BINS[-2], -1.0]))
    cases.append(case("zeros_and_signed_zeros", [0.0, -0.0, 0.0, 1e-300, -1e-300]))
    cases.append(case("subnormals", [5e-324, 1e-323, 2.5e-323, 0.0]))
    cases.append(case("near_max", [1.7e308, -1.7e308 / 4, 1e308]))
    cases.append(case("nan_inf_mix", [1.0, math.nan, 2.0, math.inf, -math.inf, 3.5, math.nan, -2.0],
                      edges=[[-2, 0, 2, 4]]))
    cases.append(case("only_nan", [math.nan, math.nan], edges=[[0, 1]]))
    cases.append(case("nan_float32", [math.nan, 0.25, math.inf, 0.75], float32=True))
    cases.append(case("empty", [], edges=[[0, 1, 2]]))
    cases.append(case("values_on_tf2_edges", [0.0, 1.0, 2.0, 3.0, 30.0, 15.0, 29.0, 29.999999999]))
    cases.append(case("large_offsets", [1e9 + 0.1 * i for i in range(100)]))
    cases.append(case("mixed_scale_normal", np.concatenate([rng.normal(0, 1e-6, 200), rng.normal(100, 5, 200)])))
    json.dump({"generator": "Scripts/histogram_reference.py", "numpy": np.__version__,
               "tensorboardX_bins": len(BINS), "cases": cases}, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
