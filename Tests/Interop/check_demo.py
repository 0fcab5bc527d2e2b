"""Checks that `tfevents demo` writes something TensorBoard shows in every tab, in both loaders:
3 runs, each with 5 scalar tags, a 3-image sample batch, a weight histogram, two texts (one a
rendered HTML table), its hyperparameters in the HPARAMS tab, a chime in AUDIO, a PR curve per
validation pass, a layout in CUSTOM SCALARS, a video in IMAGES, the loss surface in MESH and an
embedding in PROJECTOR. Blobs and curves must be served exactly as `tfevents export` reads them
from the files (audio bytes, APNG bytes, PR values), meshes and embeddings exactly as stored.

Usage: python check_demo.py DEMO_LOGDIR STEPS TFEVENTS_BINARY"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import wave

import numpy as np
from PIL import Image

from tensorboard_server import TensorBoard, poll

RUNS = ["lr_0.01", "lr_0.03", "lr_0.1"]
SCALARS = ["learning_rate", "train/accuracy", "train/loss", "validation/accuracy", "validation/loss"]


def exported(tfevents, logdir):
    """What our reader reads from the files: PR curves (JSON Lines) and the audio and video blobs."""
    with tempfile.TemporaryDirectory() as media:
        rows = subprocess.run([tfevents, "export", logdir, "--tags", "pr_curve", "--pr-curves", "--format", "jsonl"],
                              check=True, capture_output=True, text=True).stdout
        curves = {(r["run"], r["step"]): r["pr_curve"] for r in map(json.loads, rows.splitlines()) if "pr_curve" in r}
        subprocess.run([tfevents, "export", logdir, "--tags", "chime|^video", "--audio", media, "--images", media,
                        "--output", os.devnull], check=True, capture_output=True)
        blobs = {}
        for index in ("audio.csv", "images.csv"):
            with open(os.path.join(media, index)) as f:
                for row in csv.DictReader(f):
                    with open(os.path.join(media, row["file"]), "rb") as blob:
                        blobs[(row["run"], row["tag"], int(row["step"]))] = blob.read()
    return curves, blobs


def check_dashboards(tb, logdir, steps, ours, failures):
    curves, blobs = ours
    validation_steps = [s for s in range(steps) if s % 10 == 9 or s == steps - 1]
    image_steps = [s for s in range(steps) if s % max(steps // 5, 1) == 0 or s == steps - 1]

    def expect(name, fetch, predicate, timeout=60):
        got, problems = poll(fetch, lambda r: [] if predicate(r) else [f"got {str(r)[:300]}"], timeout=timeout)
        for p in problems:
            failures.append(f"{tb.mode}: {name}: {p}")
        return got

    # CUSTOM SCALARS: one category whose charts match exactly train and validation of a metric.
    layout = expect("layout", lambda: tb.get("/data/plugin/custom_scalars/layout"),
                    lambda r: [c["title"] for c in r.get("category", [])] == ["Train vs validation"])
    charts = (layout or {}).get("category", [{}])[0].get("chart", [])
    tags = SCALARS
    for chart, metric in zip(charts, ["loss", "accuracy"]):
        matched = sorted(t for t in tags if any(re.match(p, t) for p in chart["multiline"]["tag"]))
        if chart["title"] != metric or matched != [f"train/{metric}", f"validation/{metric}"]:
            failures.append(f"{tb.mode}: layout chart {chart} matches {matched}")

    for run in RUNS:
        # PR CURVES: a curve per validation pass, the values our reader reads (float32 in both).
        served = expect(f"{run} PR curves", lambda: tb.get("/data/plugin/pr_curves/pr_curves", run=run,
                                                        tag="validation/pr_curve"),
                        lambda r: [e["step"] for e in r.get(run, [])] == validation_steps)
        for entry in (served or {}).get(run, []):
            mine = curves.get((run, entry["step"]))
            names = ["precision", "recall", "true_positives", "false_positives", "true_negatives",
                     "false_negatives"]
            # TensorBoard drops the trailing thresholds where nothing is predicted positive.
            n = len(entry["precision"])
            if mine is None or any(np.float32(entry[k]).tolist() != np.float32(mine[k][:n]).tolist()
                                   for k in names):
                failures.append(f"{tb.mode}: PR curve {run} step {entry['step']} differs from the file")
                break

        # AUDIO: the chime's WAV bytes at every image step, half a second of 8 kHz mono.
        listing = expect(f"{run} audio", lambda: tb.get("/data/plugin/audio/audio", run=run, tag="samples/chime",
                                                         sample=0),
                         lambda r: [e["step"] for e in r] == image_steps)
        for entry in listing or []:
            _, content_type, body = tb.get_bytes("/data/plugin/audio/individualAudio?" + entry["query"])
            with wave.open(io.BytesIO(body)) as w:
                form = (w.getframerate(), w.getnchannels(), w.getnframes())
            if body != blobs.get((run, "samples/chime", entry["step"])) or form != (8000, 1, 4000) \
                    or content_type != "audio/wav":
                failures.append(f"{tb.mode}: audio {run} step {entry['step']}: {content_type} {form}")

        # IMAGES plays the video: the APNG unchanged, 16 frames of 32x32 at 8 frames a second.
        listing = expect(f"{run} video", lambda: tb.get("/data/plugin/images/images", run=run,
                                                         tag="video/reconstruction", sample=0),
                         lambda r: [e["step"] for e in r] == [steps - 1])
        for entry in listing or []:
            _, content_type, body = tb.get_bytes("/data/plugin/images/individualImage?" + entry["query"])
            image = Image.open(io.BytesIO(body))
            if body != blobs.get((run, "video/reconstruction", steps - 1)) or content_type != "image/png" \
                    or (image.n_frames, image.size, image.info.get("duration")) != (16, (32, 32), 125.0):
                failures.append(f"{tb.mode}: video {run}: {content_type} {image.n_frames} frames {image.size}")

        # MESH: the 24 x 24 loss surface, its vertices, triangles and colors as stored.
        expect(f"{run} mesh tags", lambda: tb.get("/data/plugin/mesh/tags"),
               lambda r: r.get(run) == {"loss_surface": {"samples": 1}})
        parts = {"VERTEX": (np.float32, 576), "FACE": (np.int32, 2 * 23 * 23), "COLOR": (np.uint8, 576)}
        for part, (dtype, rows) in parts.items():
            query = dict(run=run, tag="loss_surface", content_type=part, sample=0, step=steps - 1)
            _, _, body = tb.get_bytes("/data/plugin/mesh/data?" + urllib.parse.urlencode(query))
            values = np.frombuffer(body, dtype=dtype)
            if values.size != rows * 3 or (part == "FACE" and values.max() >= 576):
                failures.append(f"{tb.mode}: mesh {run} {part}: {values.size} values")

    # PROJECTOR: each run's embedding of 60 points in 16 dimensions, labels and sprite.
    expect("projector runs", lambda: tb.get("/data/plugin/projector/runs"), lambda r: sorted(r) == RUNS)
    name = f"features:{steps - 1:05d}"
    for run in RUNS:
        info = expect(f"{run} projector info", lambda: tb.get("/data/plugin/projector/info", run=run),
                      lambda r: [e.get("tensorName") for e in r.get("embeddings", [])] == [name])
        if not info:
            continue
        query = "?" + urllib.parse.urlencode({"run": run, "name": name})
        _, _, tensor = tb.get_bytes("/data/plugin/projector/tensor" + query)
        stored = np.loadtxt(os.path.join(logdir, run, f"{steps - 1:05d}", "features", "tensors.tsv"),
                            dtype=np.float32, delimiter="\t")
        _, _, labels = tb.get_bytes("/data/plugin/projector/metadata" + query)
        _, _, sprite = tb.get_bytes("/data/plugin/projector/sprite_image" + query)
        if np.frombuffer(tensor, dtype=np.float32).tobytes() != stored.tobytes() or stored.shape != (60, 16):
            failures.append(f"{tb.mode}: projector tensor of {run}: {len(tensor)} bytes, stored {stored.shape}")
        if labels.decode().split("\n")[:60] != [str(i % 10) for i in range(60)]:
            failures.append(f"{tb.mode}: projector labels of {run}: {labels[:80]!r}")
        if Image.open(io.BytesIO(sprite)).size != (256, 256):
            failures.append(f"{tb.mode}: sprite of {run}: {Image.open(io.BytesIO(sprite)).size}")


def check(tb, steps, failures):
    def expect(name, fetch, predicate):
        got, problems = poll(fetch, lambda r: [] if predicate(r) else [f"got {str(r)[:300]}"], timeout=60)
        for p in problems:
            failures.append(f"{tb.mode}: {name}: {p}")
        return got

    expect("runs", lambda: tb.get("/data/runs"), lambda r: sorted(r) == RUNS)
    expect("scalar tags", lambda: tb.get("/data/plugin/scalars/tags"),
           lambda r: all(sorted(r.get(run, {})) == SCALARS for run in RUNS))
    expect("train/loss points", lambda: tb.get("/data/plugin/scalars/scalars", run="lr_0.1", tag="train/loss"),
           lambda r: [p[1] for p in r] == list(range(steps)))
    expect("image samples", lambda: tb.get("/data/plugin/images/tags"),
           lambda r: all(r.get(run, {}).get("samples/reconstruction", {}).get("samples") == 3 for run in RUNS))
    expect("histogram", lambda: tb.get("/data/plugin/histograms/histograms", run="lr_0.01", tag="weights/dense"),
           lambda r: len(r) > 0 and sum(b[2] for b in r[-1][2]) == 1000)
    expect("results table", lambda: tb.get("/data/plugin/text/text", run="lr_0.03", tag="results"),
           lambda r: len(r) == 1 and "<table>" in r[0]["text"] and "validation accuracy" in r[0]["text"])
    groups = expect("hparams session groups", lambda: tb.post_json("/data/plugin/hparams/session_groups", {
        "experimentName": "", "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE",
                                                  "STATUS_RUNNING"],
        "colParams": [], "startIndex": 0, "sliceSize": 100}),
        lambda r: sorted(g["name"] for g in r.get("sessionGroups", [])) == RUNS)
    for group in (groups or {}).get("sessionGroups", []):
        if group["hparams"].get("optimizer") != "sgd" or "learning_rate" not in group["hparams"]:
            failures.append(f"{tb.mode}: hparams of {group['name']}: {group['hparams']}")
        if not any(m["name"]["tag"] == "validation/accuracy" for m in group.get("metricValues", [])):
            failures.append(f"{tb.mode}: no validation/accuracy metric for {group['name']}")


def main():
    logdir, steps, tfevents = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ours = exported(tfevents, logdir)
    failures = []
    for load_fast in (False, True):
        with TensorBoard(logdir, load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb:
            check(tb, steps, failures)
            check_dashboards(tb, logdir, steps, ours, failures)
    for f in failures:
        print("FAIL:", f)
    print(f"demo in TensorBoard (both loaders): {'ok' if not failures else f'{len(failures)} failures'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
