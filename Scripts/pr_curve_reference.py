"""Writes Fixtures/pr_curves/reference.json: precision-recall curves of many inputs as the
reference implementations compute them, for Tests/TFEventsTests/PRCurveReferenceTests.swift.

For every case it records the [6, n] float32 tensor of
- "tensorboard": TensorBoard 2.21's own `tensorboard.plugins.pr_curve.summary.pb` (numpy, stored
  by TensorFlow's `make_tensor_proto` in `tensor_content`), with the case's threshold count;
- "tensorboardX": tensorboardX 2.6.5's `summary.pr_curve`, what `add_pr_curve` writes (numpy,
  stored in `float_val`). tensorboardX (and PyTorch, whose copy is the same code) silently lowers
  a threshold count above 127 to 127, so "tensorboardX_thresholds" says which count it used.
  It is null where it is bit for bit the tensor of "tensorboard" (same count, same values).
Raw cases (`raw_data_pb`, tensorboardX's `pr_curve_raw`) record what each stores for six arrays
given by the caller.

The script also compares the two references with each other and prints what differs (on
stderr); `"tensorboard_equals_tensorboardX"` records the comparison for every case where both used
the same threshold count.

Arrays are stored as base64 of their little-endian bytes, so every value is exact and the file
stays small: predictions in their own dtype ("float16", "float32" or "float64"), weights as
float64 or float32, outputs as float32. Labels are a string of "0" and "1". A "generated" case
holds no arrays but a formula and a count: its inputs follow formulas that both sides compute exactly
(see `generated_inputs`), so a case with more than numpy's 65,536-element histogram block costs
nothing in the file, and one of them shows numpy's block-wise order of additions in float32.

Usage (the pinned venv has tensorboard 2.21.0, tensorboardX 2.6.5, numpy 2.4.6 and TensorFlow,
which `pb` imports):

    venv=$(Scripts/python-venv.sh Scripts/bench/requirements.txt)
    "$venv/bin/python" Scripts/pr_curve_reference.py Fixtures/pr_curves/reference.json
"""
import base64
import json
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorboard.plugins.pr_curve import summary as tb_summary  # noqa: E402
from tensorboardX import summary as tbx_summary  # noqa: E402

TBX_MAX_THRESHOLDS = 127


def b64(array, dtype):
    return base64.b64encode(np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()).decode()


def tensorboard_values(labels, predictions, n, weights):
    summary = tb_summary.pb("t", labels, predictions, num_thresholds=n, weights=weights)
    value = summary.value[0]
    assert value.tag == "t/pr_curves" and value.metadata.plugin_data.plugin_name == "pr_curves"
    assert value.metadata.display_name == "t"
    data = tf.make_ndarray(value.tensor)
    assert data.dtype == np.float32 and data.shape == (6, n)
    return data


def tensorboardx_values(labels, predictions, n, weights):
    summary = tbx_summary.pr_curve("t", labels, predictions, num_thresholds=n, weights=weights)
    value = summary.value[0]
    assert value.tag == "t" and value.metadata.plugin_data.plugin_name == "pr_curves"
    dims = [d.size for d in value.tensor.tensor_shape.dim]
    # float_val is a repeated float: each value is already a float32, widened by Python.
    data = np.asarray(value.tensor.float_val, dtype=np.float32).reshape(dims)
    return data


def same_bits(a, b):
    return a.shape == b.shape and a.view(np.uint32).tobytes() == b.view(np.uint32).tobytes()


DIFFERENCES = []


def case(name, labels, predictions, n, weights=None, weights_dtype="float64", generated=None):
    """labels: bool array; predictions: an array of float16, float32 or float64 in [0, 1]."""
    labels = np.asarray(labels, dtype=bool)
    if weights is not None:
        weights = np.asarray(weights, dtype=weights_dtype)
    tb = tensorboard_values(labels, predictions, n, weights)
    tbx_n = min(n, TBX_MAX_THRESHOLDS)
    tbx = tensorboardx_values(labels, predictions, n, weights)
    assert tbx.shape == (6, tbx_n)
    entry = {"name": name, "thresholds": n, "dtype": predictions.dtype.name}
    if generated is None:
        entry["labels"] = "".join("1" if x else "0" for x in labels)
        entry["predictions"] = b64(predictions, predictions.dtype)
        if weights is not None:
            entry["weights_dtype"] = weights_dtype
            entry["weights"] = b64(weights, weights_dtype)
    else:
        entry["generated"] = generated
        entry["weighted"] = weights is not None
    entry["tensorboard"] = b64(tb, np.float32)
    entry["tensorboardX_thresholds"] = tbx_n
    if tbx_n == n:
        same = same_bits(tb, tbx)
        entry["tensorboard_equals_tensorboardX"] = same
        if not same:
            DIFFERENCES.append(name)
    # Stored when it is not the same tensor as TensorBoard's, to keep the file small.
    entry["tensorboardX"] = None if tbx_n == n and same else b64(tbx, np.float32)
    return entry


def raw_case(name, rows):
    """rows: six float64 arrays of one length."""
    rows = [np.asarray(r, dtype=np.float64) for r in rows]
    n = len(rows[0])
    tb = tf.make_ndarray(tb_summary.raw_data_pb("t", *rows, num_thresholds=n).value[0].tensor)
    value = tbx_summary.pr_curve_raw("t", *rows, num_thresholds=n).value[0]
    tbx = np.asarray(value.tensor.float_val, dtype=np.float32).reshape([d.size for d in value.tensor.tensor_shape.dim])
    same = same_bits(tb, tbx)
    if not same:
        DIFFERENCES.append(name)
    return {"name": name, "rows": [b64(r, np.float64) for r in rows], "tensorboard": b64(tb, np.float32),
            "tensorboardX": b64(tbx, np.float32), "tensorboard_equals_tensorboardX": same}


def generated_inputs(formula, count, weighted):
    """Inputs from formulas that Swift computes bit for bit too: IEEE division and rounding to
    float32 are correctly rounded, so both languages get the same values.

    "modular": scattered predictions, labels and weights. "block_tie": one weight just below a
    float32 rounding midpoint (1 + 2^-24 - 2^-37) and then weights of 2^-53, all positive, in one
    bucket: added one by one they vanish, but numpy sums each 65,536-value block from zero, so
    the later blocks add up to enough to cross the midpoint and TP rounds to 1 + 2^-23, not 1."""
    i = np.arange(count, dtype=np.int64)
    if formula == "block_tie":
        weights = np.full(count, 2.0 ** -53)
        weights[0] = 1 + 2.0 ** -24 - 2.0 ** -37
        return np.ones(count, bool), np.full(count, 0.5), weights
    predictions = ((i * 7919) % 10007).astype(np.float64) / 10007.0
    predictions = predictions.astype(np.float32)
    labels = (i * 31) % 7 < 3
    weights = ((i % 10) + 1).astype(np.float64) / 10.0 if weighted else None
    return labels, predictions, weights


def on_thresholds(n, dtype):
    """Every threshold k / (n - 1) as `dtype`, and its neighbours: where flooring is touchy."""
    k = np.arange(n, dtype=np.float64) / (n - 1)
    exact = k.astype(dtype)
    below = np.nextafter(exact, np.asarray(-1, dtype=dtype)).astype(dtype)
    above = np.minimum(np.nextafter(exact, np.asarray(2, dtype=dtype)), np.asarray(1, dtype=dtype)).astype(dtype)
    return np.clip(np.concatenate([exact, below, above]), 0, 1).astype(dtype)


def named_cases(rng):
    cases = []
    f32, f64, f16 = np.float32, np.float64, np.float16
    cases.append(case("tensorboardX_readme_5", [True, False, True, True, False], np.array([0.1, 0.4, 0.35, 0.8, 0.9], f32), 5))
    cases.append(case("empty", np.zeros(0, bool), np.zeros(0, f32), 127))
    cases.append(case("empty_weighted", np.zeros(0, bool), np.zeros(0, f64), 10, weights=np.zeros(0)))
    cases.append(case("one_positive", [True], np.array([0.5], f64), 127))
    cases.append(case("one_negative", [False], np.array([0.5], f32), 127))
    cases.append(case("two_thresholds", [True, False, True, False], np.array([0.0, 0.49, 0.5, 1.0], f32), 2))
    cases.append(case("three_thresholds", [True, False, True, False], np.array([0.0, 0.49, 0.5, 1.0], f64), 3))
    cases.append(case("all_positive", np.ones(300, bool), rng.random(300).astype(f32), 127))
    cases.append(case("all_negative", np.zeros(300, bool), rng.random(300).astype(f32), 127))
    cases.append(case("zeros_and_ones", rng.random(200) < 0.5, rng.choice([0.0, 1.0], 200).astype(f32), 127))
    for dtype in (f16, f32, f64):
        for n in (2, 3, 10, 127, 201):
            p = on_thresholds(n, dtype)
            cases.append(case(f"on_thresholds_{np.dtype(dtype).name}_{n}", rng.random(len(p)) < 0.5, p, n))
    for dtype in (f16, f32, f64):
        one_below = np.nextafter(np.asarray(1, dtype), np.asarray(0, dtype)).astype(dtype)
        p = np.array([one_below, 1.0, 0.0, np.finfo(dtype).smallest_subnormal], dtype)
        cases.append(case(f"extremes_{np.dtype(dtype).name}", [True, False, True, False], p, 127))
        if dtype is f16:
            # 2048 is the last threshold count - 1 that float16 holds with every integer below it.
            cases.append(case("extremes_float16_2049", [True, False, True, False], p, 2049))
    cases.append(case("default_tensorboard_201", rng.random(500) < 0.3, rng.random(500).astype(f32), 201))
    cases.append(case("many_thresholds_1000", rng.random(800) < 0.6, rng.random(800), 1000))
    cases.append(case("weights_zero", rng.random(50) < 0.5, rng.random(50).astype(f32), 127, weights=np.zeros(50)))
    # Weights this small leave TP + FP below 1e-7, where the epsilon of the precision shows.
    cases.append(case("weights_tiny", rng.random(40) < 0.5, rng.random(40).astype(f32), 20,
                      weights=rng.uniform(1e-10, 1e-8, 40)))
    cases.append(case("weights_float32", rng.random(400) < 0.5, rng.random(400).astype(f32), 127,
                      weights=rng.uniform(0, 3, 400).astype(f32), weights_dtype="float32"))
    cases.append(case("weights_integers", rng.random(400) < 0.5, rng.random(400), 50,
                      weights=rng.integers(0, 5, 400).astype(f64)))
    cases.append(case("weights_wide_range", rng.random(300) < 0.5, rng.random(300).astype(f32), 127,
                      weights=10 ** rng.uniform(-6, 6, 300)))
    cases.append(case("counts_beyond_float32_precision", np.ones(5, bool), np.full(5, 0.5, f64), 5,
                      weights=np.array([1.0, 2 ** 24, 1.0, 3.0, 2 ** 30])))
    for formula, count, weighted in (("modular", 70000, True), ("modular", 70000, False),
                                     ("modular", 200001, True), ("block_tie", 2 * 65536 + 1000, True)):
        labels, predictions, weights = generated_inputs(formula, count, weighted)
        cases.append(case(f"generated_{formula}_{count}_{'weighted' if weighted else 'unweighted'}", labels,
                          predictions, 5 if formula == "block_tie" else 127, weights=weights,
                          generated={"formula": formula, "count": count}))
    return cases


def random_cases(rng, count):
    cases = []
    for index in range(count):
        size = int(rng.choice([1, 2, 3, 5, 10, 30, 100, 300, 1000], p=[.08, .08, .08, .1, .16, .18, .16, .11, .05]))
        dtype = rng.choice([np.float32, np.float64, np.float16], p=[0.5, 0.4, 0.1])
        n = int(rng.choice([2, 3, 4, 5, 7, 10, 33, 100, 126, 127, 128, 201, 256],
                           p=[.08, .08, .06, .1, .08, .12, .1, .06, .04, .18, .04, .04, .02]))
        kind = index % 5
        if kind == 0:
            predictions = rng.random(size)
        elif kind == 1:
            predictions = rng.beta(0.5, 0.5, size)
        elif kind == 2:
            # Ties on a coarse grid, including the thresholds themselves.
            predictions = rng.integers(0, n, size) / (n - 1)
        elif kind == 3:
            predictions = np.clip(rng.normal(0.5, 0.3, size), 0, 1)
        else:
            predictions = rng.choice([0.0, 1.0, 0.5, 1e-9, 1 - 1e-9], size)
        predictions = predictions.astype(dtype)
        labels = rng.random(size) < rng.uniform(0, 1)
        weights, weights_dtype = None, "float64"
        choice = rng.random()
        if choice < 0.3:
            weights = rng.uniform(0, 2, size)
        elif choice < 0.4:
            weights, weights_dtype = rng.uniform(0, 10, size).astype(np.float32), "float32"
        elif choice < 0.5:
            weights = rng.integers(0, 3, size).astype(np.float64)
        cases.append(case(f"random_{index}", labels, predictions, n, weights=weights, weights_dtype=weights_dtype))
    return cases


def raw_cases(rng):
    cases = []
    counts = [np.array(r, dtype=np.float64) for r in (
        [75, 64, 21, 5, 0], [150, 105, 18, 0, 0], [0, 45, 132, 150, 150], [0, 11, 54, 70, 75])]
    precision = [0.3333333, 0.3786982, 0.5384616, 1.0, 0.0]
    recall = [1.0, 0.8533334, 0.28, 0.0666667, 0.0]
    cases.append(raw_case("tensorboardX_test_raw_5", counts + [precision, recall]))
    for index in range(12):
        n = int(rng.choice([2, 5, 33, 127]))
        rows = [rng.uniform(0, 1000, n) for _ in range(4)] + [rng.random(n), rng.random(n)]
        cases.append(raw_case(f"raw_random_{index}", rows))
    return cases


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "Fixtures/pr_curves/reference.json"
    rng = np.random.default_rng(20240611)
    cases = named_cases(rng) + random_cases(rng, 320)
    raw = raw_cases(rng)
    compared = sum(1 for c in cases + raw if "tensorboard_equals_tensorboardX" in c)
    print(f"{len(cases)} cases and {len(raw)} raw cases; {compared} compared between the references, "
          f"{len(DIFFERENCES)} differ: {DIFFERENCES[:20]}", file=sys.stderr)
    document = {"generator": "Scripts/pr_curve_reference.py", "numpy": np.__version__,
                "tensorboardX_max_thresholds": TBX_MAX_THRESHOLDS, "cases": cases, "raw": raw}
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    with open(output, "w") as f:
        json.dump(document, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
