"""Writes Fixtures/audio/reference.json: WAV files and audio summaries as TensorFlow makes them,
for Tests/TFEventsTests/AudioReferenceTests.swift.

- "clips": for each input (float32 samples, interleaved frames), the WAV file of TensorFlow's
  `tf.audio.encode_wav` (what `tf.summary.audio` stores) and the WAV file of Python's `wave`
  module holding the same 16-bit samples, as hex. The script checks that the two are identical.
- "summaries": for each batch, the `Event` holding only the summary that `tf.summary.audio`
  wrote (TensorBoard's `audio.summary_v2`), read back from its event file and serialized as hex:
  the tag, the `[k, 2]` string tensor and the metadata, byte for byte.

Samples are written as Python's repr of their float32 value (shortest round-trip form), as
strings, so the Swift side parses them exactly. Usage (needs tensorflow-cpu==2.21.0 and
tensorboard==2.21.0, for example the venv of `Scripts/python-venv.sh Scripts/bench/requirements.txt`):

    python Scripts/audio_reference.py > Fixtures/audio/reference.json
"""
import glob
import io
import json
import math
import os
import sys
import tempfile
import wave

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorboard.backend.event_processing import event_file_loader  # noqa: E402
from tensorboard.compat.proto import event_pb2  # noqa: E402


def s(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def python_wave(pcm, channels, rate):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.astype("<i2").tobytes())
    return out.getvalue()


def clip(name, samples, channels, rate):
    frames = np.asarray(samples, dtype=np.float32).reshape(-1, channels)
    encoded = tf.audio.encode_wav(frames, rate).numpy()
    pcm = np.frombuffer(encoded[44:], dtype="<i2")
    by_wave = python_wave(pcm, channels, rate)
    assert by_wave == encoded, f"{name}: Python's wave module and TensorFlow disagree"
    return {
        "name": name,
        "sample_rate": rate,
        "channels": channels,
        "samples": [s(x) for x in frames.reshape(-1)],
        "tensorflow_wav": encoded.hex(),
        "wave_wav": by_wave.hex(),
    }


def summary(name, data, rate, tag):
    data = np.asarray(data, dtype=np.float32)
    with tempfile.TemporaryDirectory() as logdir:
        writer = tf.summary.create_file_writer(logdir)
        with writer.as_default():
            tf.summary.audio(tag, data, rate, step=0, max_outputs=len(data))
        writer.close()
        (path,) = glob.glob(os.path.join(logdir, "*tfevents*"))
        events = [e for e in event_file_loader.LegacyEventFileLoader(path).Load() if e.HasField("summary")]
    (event,) = events
    only_summary = event_pb2.Event(summary=event.summary).SerializeToString()
    k, t, c = data.shape
    return {
        "name": name,
        "tag": tag,
        "sample_rate": rate,
        "clips": k,
        "channels": c,
        "samples": [s(x) for x in data.reshape(-1)],
        "event": only_summary.hex(),
    }


def main():
    rng = np.random.default_rng(20260101)
    edges = [
        -1.0, 1.0, 0.0, -0.0, 0.5 / 32768, -0.5 / 32768, 1.5 / 32768, -1.5 / 32768, 2.5 / 32768,
        -2.5 / 32768, 32766.5 / 32768, -32767.5 / 32768, 32767.5 / 32768, 1 / 32768, -1 / 32768,
        1.5, -1.5, 1e9, -1e9, math.inf, -math.inf, 1e-45, np.nextafter(np.float32(1), np.float32(0)),
        -np.nextafter(np.float32(1), np.float32(0)), 0.1, -0.1, 1 / 3, -2 / 3,
    ]
    t = np.arange(800) / 8000
    clips = [
        clip("edges", edges, 1, 16000),
        clip("sine_440", 0.8 * np.sin(2 * np.pi * 440 * t), 1, 8000),
        clip("stereo_noise", rng.uniform(-1.1, 1.1, 200), 2, 44100),
        clip("six_channels", rng.uniform(-1, 1, 6 * 25), 6, 48000),
        clip("one_frame", [0.25], 1, 1),
        clip("random_long", rng.uniform(-1.2, 1.2, 5000), 1, 22050),
        clip("high_rate_stereo", rng.uniform(-1, 1, 20), 2, 192000),
    ]
    summaries = [
        summary("batch_stereo", rng.uniform(-1.05, 1.05, (3, 50, 2)), 16000, "speech/batch"),
        summary("single_mono", rng.uniform(-1, 1, (1, 20, 1)), 8000, "tone"),
    ]
    json.dump({"clips": clips, "summaries": summaries}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
