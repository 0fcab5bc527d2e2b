"""Videos: TensorBoard's IMAGES plugin serves exactly the animated PNGs we wrote, and Pillow decodes
them to the right frame count, delays and pixels, under both loaders."""
import io
import os

import numpy as np
from PIL import Image

from tensorboard_server import poll

SECTION = "videos"
SAMPLES = None  # images.SAMPLES keeps every image already
MODES = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}


def blob_dir(ctx):
    return os.path.join(os.path.dirname(os.path.abspath(ctx.logdir)), "blobs")


def expected_blob(ctx, video):
    with open(os.path.join(blob_dir(ctx), video["blob"] + ".png"), "rb") as f:
        apng = f.read()
    with open(os.path.join(blob_dir(ctx), video["blob"] + ".raw"), "rb") as f:
        raw = f.read()
    return apng, raw


def check_frames(ctx, where, apng, video, raw):
    """Pillow's APNG reader: frame count, looping, each frame's delay and pixels."""
    image = Image.open(io.BytesIO(apng))
    frames = getattr(image, "n_frames", 1)
    if image.format != "PNG" or frames != video["frames"] or image.size != (video["width"], video["height"]):
        ctx.fail(f"{where}: Pillow sees {image.format} {image.size} with {frames} frames, expected "
                 f"{(video['width'], video['height'])} with {video['frames']}")
        return
    if video["frames"] > 1 and (not image.is_animated or image.info.get("loop") != 0):
        ctx.fail(f"{where}: animated {image.is_animated}, loop {image.info.get('loop')}, expected a loop forever")
    numerator, denominator = video["delay"]
    frame_size = video["width"] * video["height"] * video["channels"]
    for index in range(video["frames"]):
        image.seek(index)
        duration = image.info.get("duration")
        if duration is None or abs(duration - 1000 * numerator / denominator) > 1e-9:
            ctx.fail(f"{where} frame {index}: duration {duration} ms, expected {1000 * numerator / denominator}")
        if image.mode != MODES[video["channels"]]:
            ctx.fail(f"{where} frame {index}: mode {image.mode}, expected {MODES[video['channels']]}")
            return
        pixels = np.asarray(image).tobytes()
        if pixels != raw[index * frame_size:(index + 1) * frame_size]:
            ctx.fail(f"{where} frame {index}: decoded pixels differ from the frame given")


def check_loader(ctx):
    multiplexer = ctx.multiplexer()
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = multiplexer.PluginRunToTagToContent("images").get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"video loader: run {run}: tags {sorted(found)}, expected {sorted(tags)}")
            continue
        for tag, items in tags.items():
            events = multiplexer.Tensors(run, tag)
            if [(e.step, e.wall_time) for e in events] != [(i["step"], i["wall_time"]) for i in items]:
                ctx.fail(f"video loader {run}/{tag}: steps/wall times {[(e.step, e.wall_time) for e in events]}")
                continue
            for event, video in zip(events, items):
                where = f"video loader {run}/{tag} step {video['step']}"
                strings = list(event.tensor_proto.string_val)
                apng, raw = expected_blob(ctx, video)
                if strings != [str(video["width"]).encode(), str(video["height"]).encode(), apng]:
                    ctx.fail(f"{where}: the tensor is not [width, height, our APNG]")
                    continue
                check_frames(ctx, where, strings[2], video, raw)
                checked += 1
    print(f"videos, python loader: checked {checked} videos", flush=True)


def check_http(ctx, tb):
    expected = {run: {tag: 1 for tag in tags} for run, _, tags in ctx.runs_with(SECTION)}
    _, problems = poll(
        lambda: tb.get("/data/plugin/images/tags"),
        lambda got: [] if {r: {t: v["samples"] for t, v in got.get(r, {}).items()} for r in expected} == expected
        else [f"tags {got}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/images/tags: {p}, expected videos {expected}")
    checked = 0
    sizes = []
    for run, _, tags in ctx.runs_with(SECTION):
        for tag, items in tags.items():
            where = f"{tb.mode} video {run}/{tag}"
            got, problems = poll(
                lambda: tb.get("/data/plugin/images/images", run=run, tag=tag, sample=0),
                lambda got: [] if [(g["step"], g["wall_time"]) for g in got]
                == [(i["step"], i["wall_time"]) for i in items]
                else [f"steps/wall times {[(g['step'], g['wall_time']) for g in got]}"])
            for p in problems:
                ctx.fail(f"{where}: {p}")
            if problems:
                continue
            for entry, video in zip(got, items):
                status, content_type, body = tb.get_bytes("/data/plugin/images/individualImage?" + entry["query"])
                apng, raw = expected_blob(ctx, video)
                if body != apng:
                    ctx.fail(f"{where} step {video['step']}: served bytes differ ({len(body)} vs {len(apng)})")
                if content_type != "image/png":
                    ctx.fail(f"{where}: content type {content_type!r}, expected image/png")
                check_frames(ctx, f"{where} step {video['step']}", body, video, raw)
                sizes.append(f"{video['frames']}x{video['width']}x{video['height']}x{video['channels']}: {len(body)} B")
                checked += 1
    print(f"videos, {tb.mode} loader over HTTP: checked {checked} videos as image/png ({', '.join(sizes[:3])}, ...)",
          flush=True)
