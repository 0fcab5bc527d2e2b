"""Embeddings: projector_config.pbtxt as TensorBoard's projector parses it, and what its routes
serve (runs, info, tensor, metadata, sprite_image): the float32 values, the metadata cells its
frontend parser finds, and a sprite whose pixels are the label images in a square grid. The
projector reads files, not events, so both loader modes must serve the same."""
import io
import math
import os
import urllib.parse

import numpy as np
from PIL import Image

from tensorboard_server import poll

SECTION = "embeddings"
SAMPLES = None
CONFIG = "projector_config.pbtxt"
# JavaScript's String.prototype.trim() removes these (white space, line terminators, the BOM).
JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"


def parse_metadata(text):
    """(column names, rows) as the projector's frontend parses metadata.tsv: blank lines skipped,
    a first line holding a tab is the header, otherwise the single column is `label`."""
    columns, rows, header_done = ["label"], [], False
    for line in text.split("\n"):
        if not line.strip(JS_WHITESPACE):
            continue
        if not header_done and not rows and "\t" in line:
            columns, header_done = line.split("\t"), True
            continue
        cells = line.split("\t")
        rows.append([cells[i] if i < len(cells) else None for i in range(len(columns))])
    return columns, rows


def expected_metadata(item):
    return (item["columns"] or ["label"]), item["rows"]


def expected_tensor(item):
    return np.array(item["values"], dtype=np.float32)


def expected_sprite(item):
    """The label images composed as tensorboardX does: a ceil(sqrt(n)) square grid, row-major,
    in the fewest channels that hold them all, empty cells zero."""
    images = item["images"]
    n, w, h = len(images), images[0]["width"], images[0]["height"]
    side = math.isqrt(n - 1) + 1
    color = any(i["channels"] >= 3 for i in images)
    alpha = any(i["channels"] in (2, 4) for i in images)
    channels = (3 if color else 1) + (1 if alpha else 0)
    sheet = np.zeros((side * h, side * w, channels), dtype=np.uint8)
    for index, image in enumerate(images):
        c = image["channels"]
        pixels = np.array(image["pixels"], dtype=np.uint8).reshape(h, w, c)
        gray = c <= 2
        out = np.empty((h, w, channels), dtype=np.uint8)
        colors = 3 if color else 1
        for k in range(colors):
            out[:, :, k] = pixels[:, :, 0 if gray else k]
        if alpha:
            out[:, :, channels - 1] = pixels[:, :, c - 1] if c in (2, 4) else 255
        top, left = index // side * h, index % side * w
        sheet[top:top + h, left:left + w] = out
    return sheet


def decoded(png):
    image = Image.open(io.BytesIO(png))
    image.load()
    array = np.asarray(image)
    return array.reshape(array.shape[0], array.shape[1], -1)


def check_files(ctx, where, run, name, item, tensor=None, metadata_text=None, sprite=None):
    """Compares what was read (from disk or a route) with the manifest; returns the problems."""
    problems = []
    if tensor is not None:
        want = expected_tensor(item)
        if tensor.shape != want.shape:
            problems.append(f"{where} {name}: tensor of shape {tensor.shape}, expected {want.shape}")
        elif tensor.tobytes() != want.tobytes():
            index = tuple(int(i) for i in np.argwhere(tensor.view(np.uint32) != want.view(np.uint32))[0])
            problems.append(f"{where} {name}: tensor{list(index)} is {tensor[index]!r}, expected {want[index]!r}")
    if metadata_text is not None:
        got, want = parse_metadata(metadata_text), expected_metadata(item)
        normalize = lambda rows: [[c or "" for c in row] for row in rows]
        if got[0] != want[0] or normalize(got[1]) != normalize(want[1]):
            problems.append(f"{where} {name}: metadata {got}, expected {want}")
    if sprite is not None:
        want = expected_sprite(item)
        got = decoded(sprite)
        if got.shape != want.shape or not np.array_equal(got, want):
            problems.append(f"{where} {name}: sprite {got.shape}, expected {want.shape} (pixels differ)")
    return problems


def check_loader(ctx):
    from google.protobuf import text_format
    from tensorboard.plugins.projector import projector_plugin
    from tensorboard.plugins.projector.projector_config_pb2 import ProjectorConfig

    checked = 0
    for run, _, embeddings in ctx.runs_with(SECTION):
        config_path = os.path.join(ctx.logdir, run, CONFIG)
        with open(config_path) as f:
            config = text_format.Parse(f.read(), ProjectorConfig())
        names = [e.tensor_name for e in config.embeddings]
        if sorted(names) != sorted(embeddings):
            ctx.fail(f"projector files: {config_path}: embeddings {names}, expected {sorted(embeddings)}")
        for info in config.embeddings:
            items = embeddings.get(info.tensor_name)
            if not items:
                continue
            item = items[0]
            where = f"projector files {run}"
            got = (info.tensor_path, info.metadata_path, info.sprite.image_path, list(info.sprite.single_image_dim),
                   list(info.tensor_shape))
            dims = [item["images"][0]["width"], item["images"][0]["height"]] if "images" in item else []
            want = (item["tensor_path"], item.get("metadata_path", ""), item.get("sprite_path", ""), dims,
                    item["shape"])
            if got != want:
                ctx.fail(f"{where} {info.tensor_name}: config {got}, expected {want}")
                continue
            # TensorBoard's own path rule and TSV reader.
            resolve = lambda path: projector_plugin._rel_to_abs_asset_path(path, config_path)
            tensor = projector_plugin._read_tensor_tsv_file(resolve(info.tensor_path))
            metadata_text = sprite = None
            if info.metadata_path:
                with open(resolve(info.metadata_path), encoding="utf-8") as f:
                    metadata_text = f.read()
            if info.sprite.image_path:
                with open(resolve(info.sprite.image_path), "rb") as f:
                    sprite = f.read()
            for p in check_files(ctx, where, run, info.tensor_name, item, tensor, metadata_text, sprite):
                ctx.fail(p)
            checked += 1
    print(f"projector, TensorBoard's parsers: checked {checked} embeddings", flush=True)


def check_http(ctx, tb):
    expected_runs = sorted(run for run, _, _ in ctx.runs_with(SECTION))
    _, problems = poll(lambda: tb.get("/data/plugin/projector/runs"),
                       lambda got: [] if sorted(got) == expected_runs else [f"runs {got}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/projector/runs: {p}, expected {expected_runs}")

    checked = 0
    for run, _, embeddings in ctx.runs_with(SECTION):
        info, problems = poll(lambda: tb.get("/data/plugin/projector/info", run=run),
                              lambda got: [] if len(got.get("embeddings", [])) == len(embeddings)
                              else [f"config {got}"])
        for p in problems:
            ctx.fail(f"{tb.mode} /data/plugin/projector/info?run={run}: {p}")
        if problems:
            continue
        for entry in info["embeddings"]:
            name = entry.get("tensorName")
            if name not in embeddings:
                ctx.fail(f"{tb.mode} /info {run}: unexpected embedding {entry}")
                continue
            item = embeddings[name][0]
            want = {"tensorName": name, "tensorPath": item["tensor_path"], "tensorShape": item["shape"]}
            if "metadata_path" in item:
                want["metadataPath"] = item["metadata_path"]
            if "images" in item:
                want["sprite"] = {"imagePath": item["sprite_path"],
                                  "singleImageDim": [item["images"][0]["width"], item["images"][0]["height"]]}
            if entry != want:
                ctx.fail(f"{tb.mode} /info {run}: {entry}, expected {want}")
            where = f"{tb.mode} projector {run}"
            query = "?" + urllib.parse.urlencode({"run": run, "name": name})
            _, content_type, body = tb.get_bytes("/data/plugin/projector/tensor" + query)
            tensor = np.frombuffer(body, dtype=np.float32).reshape(item["shape"]) \
                if len(body) == 4 * item["shape"][0] * item["shape"][1] else np.frombuffer(body, dtype=np.uint8)
            metadata_text = sprite = None
            if "metadata_path" in item:
                _, _, body = tb.get_bytes("/data/plugin/projector/metadata" + query)
                metadata_text = body.decode("utf-8")
                with open(os.path.join(ctx.logdir, run, item["metadata_path"]), encoding="utf-8") as f:
                    if f.read() != metadata_text:
                        ctx.fail(f"{where} {name}: /metadata differs from the file")
            if "images" in item:
                _, content_type, sprite = tb.get_bytes("/data/plugin/projector/sprite_image" + query)
                if content_type != "image/png":
                    ctx.fail(f"{where} {name}: sprite content type {content_type!r}")
                with open(os.path.join(ctx.logdir, run, item["sprite_path"]), "rb") as f:
                    if f.read() != sprite:
                        ctx.fail(f"{where} {name}: /sprite_image differs from the file")
            for p in check_files(ctx, where, run, name, item, tensor, metadata_text, sprite):
                ctx.fail(p)
            checked += 1
    print(f"projector, {tb.mode} loader over HTTP: checked {checked} embeddings", flush=True)
