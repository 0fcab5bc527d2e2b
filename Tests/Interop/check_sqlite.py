"""Checks a database written by `tfevents export --format sqlite` against TensorBoard's own Python
loader (its plugin event multiplexer, every point kept): every scalar (step, wall time and value,
NaN as NULL), every image's bytes, every histogram bucket and every run's hyperparameters, queried
through the documented views with Python's sqlite3 module.

Usage: python check_sqlite.py DATABASE LOGDIR"""
import math
import sqlite3
import sys

from tensorboard.backend.event_processing import plugin_event_multiplexer
from tensorboard.plugins.hparams import plugin_data_pb2
from tensorboard.util import tensor_util


def main():
    database, logdir = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    failures = []
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        failures.append("integrity_check is not ok")
    multiplexer = plugin_event_multiplexer.EventMultiplexer(
        tensor_size_guidance={"scalars": 0, "images": 0, "histograms": 0, "hparams": 0})
    multiplexer.AddRunsFromDirectory(logdir)
    multiplexer.Reload()

    def points(plugin):
        for run, tags in sorted(multiplexer.PluginRunToTagToContent(plugin).items()):
            for tag in sorted(tags):
                yield run, tag, multiplexer.Tensors(run, tag)

    counts = {"scalars": 0, "images": 0, "buckets": 0, "hparams": 0}
    for run, tag, events in points("scalars"):
        theirs = sorted((e.step, e.wall_time, tensor_util.make_ndarray(e.tensor_proto).item()) for e in events)
        ours = sorted(db.execute("SELECT step, wall_time, value FROM scalars WHERE run = ? AND tag = ?", (run, tag)))
        theirs = [(s, w, None if math.isnan(v) else v) for s, w, v in theirs]
        if ours != theirs:
            failures.append(f"scalars of {run}/{tag}: {len(ours)} rows, TensorBoard {len(theirs)} points")
        counts["scalars"] += len(ours)

    for run, tag, events in points("images"):
        for event in events:
            blobs = tensor_util.make_ndarray(event.tensor_proto)
            width, height, images = int(blobs[0]), int(blobs[1]), list(blobs[2:])
            ours = db.execute("SELECT width, height, data FROM images WHERE run = ? AND tag = ? AND step = ? "
                              "ORDER BY idx", (run, tag, event.step)).fetchall()
            if ours != [(width, height, image) for image in images]:
                failures.append(f"images of {run}/{tag} at step {event.step}")
            counts["images"] += len(ours)

    for run, tag, events in points("histograms"):
        for event in events:
            buckets = [tuple(row) for row in tensor_util.make_ndarray(event.tensor_proto).tolist()]
            ours = db.execute('SELECT "left", "right", count FROM histograms WHERE run = ? AND tag = ? AND step = ?',
                              (run, tag, event.step)).fetchall()
            if sorted(ours) != sorted(buckets):
                failures.append(f"histogram {run}/{tag} at step {event.step}")
            counts["buckets"] += len(ours)

    for run, tags in multiplexer.PluginRunToTagToContent("hparams").items():
        for content in tags.values():
            data = plugin_data_pb2.HParamsPluginData.FromString(content)
            if not data.HasField("session_start_info"):
                continue
            theirs = {}
            for name, value in data.session_start_info.hparams.items():
                kind = value.WhichOneof("kind")
                theirs[name] = int(value.bool_value) if kind == "bool_value" else getattr(value, kind)
            ours = dict(db.execute("SELECT name, value FROM hparams WHERE run = ?", (run,)))
            if ours != theirs:
                failures.append(f"hparams of {run}: {ours}, TensorBoard {theirs}")
            counts["hparams"] += len(ours)

    runs = [row[0] for row in db.execute("SELECT run FROM runs ORDER BY run")]
    if runs != sorted(multiplexer.Runs()):
        failures.append(f"runs {runs}, TensorBoard {sorted(multiplexer.Runs())}")
    for failure in failures:
        print("FAIL:", failure)
    if failures or not counts["scalars"]:
        sys.exit(1)
    print(f"check_sqlite: {len(runs)} runs, {counts['scalars']} scalars, {counts['images']} images, "
          f"{counts['buckets']} histogram buckets, {counts['hparams']} hyperparameters as TensorBoard reads them")


if __name__ == "__main__":
    main()
