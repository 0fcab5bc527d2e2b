"""Images: TensorBoard serves exactly the PNG bytes we wrote, which decode to our pixels."""
import io
import os

import numpy as np
from PIL import Image

from tensorboard_server import poll

SECTION = "images"
SAMPLES = "images=1000"
MODES = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}


def blob_dir(ctx):
    return os.path.join(os.path.dirname(os.path.abspath(ctx.logdir)), "blobs")


def expected_blob(ctx, image):
    with open(os.path.join(blob_dir(ctx), image["blob"] + ".png"), "rb") as f:
        png = f.read()
    with open(os.path.join(blob_dir(ctx), image["blob"] + ".raw"), "rb") as f:
        raw = f.read()
    return png, raw


def check_pixels(ctx, where, png, image, raw):
    decoded = Image.open(io.BytesIO(png))
    decoded.load()
    if decoded.size != (image["width"], image["height"]) or decoded.mode != MODES[image["channels"]]:
        ctx.fail(f"{where}: Pillow sees {decoded.size} {decoded.mode}, expected "
                 f"{(image['width'], image['height'])} {MODES[image['channels']]}")
    elif np.asarray(decoded).tobytes() != raw:
        ctx.fail(f"{where}: decoded pixels differ from the pixels given")


def check_loader(ctx):
    multiplexer = ctx.multiplexer()
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = multiplexer.PluginRunToTagToContent("images").get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"images loader: run {run}: tags {sorted(found)}, expected {sorted(tags)}")
            continue
        for tag, items in tags.items():
            events = multiplexer.Tensors(run, tag)
            if len(events) != len(items):
                ctx.fail(f"images loader {run}/{tag}: {len(events)} events, expected {len(items)}")
                continue
            for event, item in zip(events, items):
                strings = list(event.tensor_proto.string_val)
                where = f"images loader {run}/{tag} step {item['step']}"
                if event.step != item["step"] or event.wall_time != item["wall_time"]:
                    ctx.fail(f"{where}: step/wall {event.step}/{event.wall_time}")
                if strings[:2] != [str(item["width"]).encode(), str(item["height"]).encode()]:
                    ctx.fail(f"{where}: size strings {strings[:2]}, expected width then height")
                if len(strings) - 2 != len(item["images"]):
                    ctx.fail(f"{where}: {len(strings) - 2} images, expected {len(item['images'])}")
                for blob, image in zip(strings[2:], item["images"]):
                    png, raw = expected_blob(ctx, image)
                    if blob != png:
                        ctx.fail(f"{where}: PNG bytes differ from the expected encoding")
                    check_pixels(ctx, where, blob, image, raw)
                    checked += 1
    print(f"images, python loader: checked {checked} images", flush=True)


def check_http(ctx, tb):
    expected = {run: {tag: max(len(i["images"]) for i in items) for tag, items in tags.items()}
                for run, _, tags in ctx.runs_with(SECTION)}
    videos = {run for run, _, _ in ctx.runs_with("videos")}  # video.py checks those
    _, problems = poll(
        lambda: tb.get("/data/plugin/images/tags"),
        lambda got: [] if {r: {t: v["samples"] for t, v in tags.items()} for r, tags in got.items()
                           if r not in videos} == expected
        else [f"tags {got}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/images/tags: {p}, expected samples {expected}")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        for tag, items in tags.items():
            for sample in range(max(len(i["images"]) for i in items)):
                with_sample = [i for i in items if len(i["images"]) > sample]
                where = f"{tb.mode} images {run}/{tag} sample {sample}"
                got, problems = poll(
                    lambda: tb.get("/data/plugin/images/images", run=run, tag=tag, sample=sample),
                    lambda got: [] if [(g["step"], g["wall_time"]) for g in got]
                    == [(i["step"], i["wall_time"]) for i in with_sample]
                    else [f"steps/wall times {[(g['step'], g['wall_time']) for g in got]}"])
                for p in problems:
                    ctx.fail(f"{where}: {p}")
                if problems:
                    continue
                for entry, item in zip(got, with_sample):
                    status, content_type, body = tb.get_bytes(
                        "/data/plugin/images/individualImage?" + entry["query"])
                    png, raw = expected_blob(ctx, item["images"][sample])
                    if body != png:
                        ctx.fail(f"{where} step {item['step']}: served bytes differ ({len(body)} vs {len(png)})")
                    if content_type != "image/png":
                        ctx.fail(f"{where}: content type {content_type!r}, expected image/png")
                    check_pixels(ctx, where, body, item["images"][sample], raw)
                    checked += 1
    print(f"images, {tb.mode} loader over HTTP: checked {checked} images", flush=True)
