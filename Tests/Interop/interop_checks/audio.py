"""Audio: TensorBoard serves exactly the WAV files we wrote, as audio/wav, under both loaders.

The expected files are made here, not by the library: the samples InteropWriter saved (float64,
interleaved frames) are scaled by 32768, rounded half away from zero and clipped to int16 as
TensorFlow's encode_wav does, and written with Python's wave module.

Also checked, as TensorBoard 2.21 really behaves (EventFileFormat.md section 7.5):
- the labels are in the file (the [k, 2] tensor read raw) but both loaders keep only the first
  column (dataclass_compat's _migrate_audio_value), and the audio route always returns label "";
- a legacy Summary.Audio value (section "legacy_audio") is served byte for byte, as audio/wav by
  the Python loader and as application/octet-stream by the Rust loader;
- when a later step has fewer clips, the audio route fails with HTTP 500 for the sample index
  equal to that smaller count (audio_plugin.py tests `len(values) < sample`), in both loaders.
"""
import io
import os
import urllib.error
import wave

import numpy as np

from tensorboard_server import poll

SECTION = "audio"
LEGACY_SECTION = "legacy_audio"
SAMPLES = "audio=1000"


def blob_dir(ctx):
    return os.path.join(os.path.dirname(os.path.abspath(ctx.logdir)), "blobs")


def expected_wav(ctx, clip):
    samples = np.fromfile(os.path.join(blob_dir(ctx), clip["blob"] + ".f64"), dtype="<f8")
    if len(samples) != clip["frames"] * clip["channels"]:
        raise ValueError(f"{clip['blob']}: {len(samples)} samples for {clip['frames']} frames")
    with np.errstate(invalid="ignore"):
        scaled = samples * 32768.0
        whole = np.trunc(scaled)
        rounded = np.where(np.abs(scaled - whole) >= 0.5, whole + np.sign(scaled), whole)
    pcm = np.clip(rounded, -32768, 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(clip["channels"])
        w.setsampwidth(2)
        w.setframerate(clip["sample_rate"])
        w.writeframes(pcm.tobytes())
    return out.getvalue()


def legacy_blob(ctx, item):
    with open(os.path.join(blob_dir(ctx), item["blob"] + ".wav"), "rb") as f:
        return f.read()


def check_wav(ctx, where, body, clip):
    """The served file parses as the clip's format and has its frames."""
    with wave.open(io.BytesIO(body)) as w:
        got = (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes())
    want = (clip["channels"], 2, clip["sample_rate"], clip["frames"])
    if got != want:
        ctx.fail(f"{where}: wave reads (channels, width, rate, frames) {got}, expected {want}")


def runs(ctx):
    """(run, tags, legacy) for every run with audio of either form."""
    for run, spec, _ in ctx.runs_with(SECTION):
        yield run, spec[SECTION], False
    for run, spec, _ in ctx.runs_with(LEGACY_SECTION):
        yield run, spec[LEGACY_SECTION], True


def check_file(ctx, run, tags):
    """The [k, 2] tensors of WAV files and labels, as written (EventFileLoader would migrate them)."""
    import glob

    from tensorboard.backend.event_processing import event_file_loader
    from tensorboard.util import tensor_util

    written = {}
    for path in sorted(glob.glob(os.path.join(ctx.logdir, run, "*tfevents*"))):
        for event in event_file_loader.LegacyEventFileLoader(path).Load():
            for value in event.summary.value:
                written.setdefault(value.tag, []).append(tensor_util.make_ndarray(value.tensor).tolist())
    for tag, items in tags.items():
        expected = [[[expected_wav(ctx, c), c["label"].encode()] for c in i["clips"]] for i in items]
        if written.get(tag) != expected:
            ctx.fail(f"audio file {run}/{tag}: the tensors written are not the expected [k, 2] WAV files and labels")


def check_loader(ctx):
    from tensorboard.plugins.audio import metadata
    from tensorboard.util import tensor_util

    for run, tags, legacy in runs(ctx):
        if not legacy:
            check_file(ctx, run, tags)
    multiplexer = ctx.multiplexer()
    content = multiplexer.PluginRunToTagToContent("audio")
    checked = 0
    for run, tags, legacy in runs(ctx):
        found = content.get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"audio loader: run {run}: tags {sorted(found)}, expected {sorted(tags)}")
            continue
        for tag, items in tags.items():
            where = f"audio loader {run}/{tag}"
            encoding = metadata.parse_plugin_metadata(found[tag]).encoding
            if encoding != metadata.Encoding.Value("WAV"):
                ctx.fail(f"{where}: encoding {encoding}, expected WAV")
            events = multiplexer.Tensors(run, tag)
            if [(e.step, e.wall_time) for e in events] != [(i["step"], i["wall_time"]) for i in items]:
                ctx.fail(f"{where}: steps/wall times {[(e.step, e.wall_time) for e in events]}")
                continue
            for event, item in zip(events, items):
                # The loader keeps the clips only: shape [k].
                clips = tensor_util.make_ndarray(event.tensor_proto)
                if legacy:
                    expected = [legacy_blob(ctx, item)]
                else:
                    expected = [expected_wav(ctx, c) for c in item["clips"]]
                if clips.shape != (len(expected),) or clips.tolist() != expected:
                    ctx.fail(f"{where} step {item['step']}: tensor of shape {clips.shape} differs from the "
                             f"{len(expected)} expected WAV files")
                checked += len(expected)
    print(f"audio, python loader: checked {checked} clips", flush=True)


def fetch_or_status(fetch):
    """fetch(), or ("HTTP", code) when it fails with an HTTP error."""
    def call():
        try:
            return fetch()
        except urllib.error.HTTPError as e:
            return ("HTTP", e.code)
    return call


def check_http(ctx, tb):
    counts = lambda items: [1] * len(items) if "clips" not in items[0] else [len(i["clips"]) for i in items]  # noqa
    expected_tags = {run: {tag: max(counts(items)) for tag, items in tags.items()} for run, tags, _ in runs(ctx)}
    _, problems = poll(
        lambda: tb.get("/data/plugin/audio/tags"),
        lambda got: [] if {r: {t: v["samples"] for t, v in tags.items()} for r, tags in got.items()} == expected_tags
        else [f"tags {got}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/audio/tags: {p}, expected samples {expected_tags}")
    checked = 0
    content_types = {}
    for run, tags, legacy in runs(ctx):
        for tag, items in tags.items():
            for sample in range(max(counts(items))):
                where = f"{tb.mode} audio {run}/{tag} sample {sample}"
                fetch = fetch_or_status(lambda: tb.get("/data/plugin/audio/audio", run=run, tag=tag, sample=sample))
                if sample in counts(items):
                    # A step with exactly `sample` clips: TensorBoard's off-by-one.
                    _, problems = poll(fetch, lambda got: [] if got == ("HTTP", 500) else [f"answer {got}"])
                    for p in problems:
                        ctx.fail(f"{where}: {p}, expected HTTP 500 (a step has exactly {sample} clips)")
                    continue
                with_sample = [i for i, n in zip(items, counts(items)) if n > sample]
                got, problems = poll(
                    fetch,
                    lambda got: [] if isinstance(got, list) and [(g["step"], g["wall_time"]) for g in got]
                    == [(i["step"], i["wall_time"]) for i in with_sample] else [f"answer {str(got)[:300]}"])
                for p in problems:
                    ctx.fail(f"{where}: {p}")
                if problems:
                    continue
                for entry, item in zip(got, with_sample):
                    status, content_type, body = tb.get_bytes("/data/plugin/audio/individualAudio?" + entry["query"])
                    if legacy:
                        expected, wanted_type = legacy_blob(ctx, item), item["content_type"][tb.mode]
                    else:
                        clip = item["clips"][sample]
                        expected, wanted_type = expected_wav(ctx, clip), "audio/wav"
                        check_wav(ctx, f"{where} step {item['step']}", body, clip)
                    if body != expected:
                        ctx.fail(f"{where} step {item['step']}: served bytes differ ({len(body)} vs {len(expected)})")
                    if content_type != wanted_type or entry["contentType"] != wanted_type:
                        ctx.fail(f"{where}: content type {content_type!r} (listed {entry['contentType']!r}), "
                                 f"expected {wanted_type!r}")
                    if entry["label"] != "":
                        ctx.fail(f"{where}: label {entry['label']!r}; TensorBoard 2.21 always answers ''")
                    content_types[content_type] = content_types.get(content_type, 0) + 1
                    checked += 1
    print(f"audio, {tb.mode} loader over HTTP: checked {checked} clips, served as {content_types}", flush=True)
