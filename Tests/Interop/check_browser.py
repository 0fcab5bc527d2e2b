"""What a person sees: the demo's video and audio, as TensorBoard serves them, in a real headless
Chromium. The video must animate on screen (screenshots over time show its frames, pixel for
pixel, advancing at its frame rate); the audio must decode (Web Audio gives back every sample)
and play (an <audio> element's clock advances).

Usage: python check_browser.py DEMO_LOGDIR"""
import base64
import io
import json
import sys
import time
import wave

import numpy as np
from PIL import Image

from chromium import Chromium
from tensorboard_server import TensorBoard, poll

RUN = "lr_0.1"
VIDEO_TAG = "video/reconstruction"
AUDIO_TAG = "samples/chime"
SCALE = 8  # each video pixel drawn as an 8 x 8 block, read back at the block's center


def fetch_blob(tb, plugin, tag, route):
    listing, problems = poll(lambda: tb.get(f"/data/plugin/{plugin}/{plugin}", run=RUN, tag=tag, sample=0),
                             lambda r: [] if r else ["empty"], timeout=60)
    if problems:
        raise RuntimeError(f"{plugin} of {RUN}/{tag}: {problems}")
    _, content_type, body = tb.get_bytes(f"/data/plugin/{plugin}/{route}?{listing[-1]['query']}")
    return content_type, body


def apng_frames(data):
    image = Image.open(io.BytesIO(data))
    frames = []
    for index in range(image.n_frames):
        image.seek(index)
        frames.append(np.asarray(image.convert("RGB")))
    return frames, image.info.get("duration")


def check_video(browser, data, failures):
    frames, duration = apng_frames(data)
    height, width = frames[0].shape[:2]
    page = browser.open("data:text/html;base64," + base64.b64encode(
        f'<!doctype html><body style="margin:0;background:#fff"><img id="v" style="display:block;'
        f'width:{width * SCALE}px;height:{height * SCALE}px;image-rendering:pixelated" '
        f'src="data:image/png;base64,{base64.b64encode(data).decode()}"></body>'.encode()).decode())
    page.wait_for("document.getElementById('v').complete")
    seen = []
    start = time.time()
    while time.time() - start < 2.5 * len(frames) * (duration or 100) / 1000:
        shot = np.asarray(Image.open(io.BytesIO(page.screenshot((0, 0, width * SCALE, height * SCALE))))
                          .convert("RGB"))
        pixels = shot[SCALE // 2::SCALE, SCALE // 2::SCALE][:height, :width]
        match = next((i for i, frame in enumerate(frames) if np.array_equal(pixels, frame)), None)
        if match is None:
            failures.append(f"video: a screenshot at {time.time() - start:.2f} s shows no frame of the APNG")
            return
        if not seen or seen[-1] != match:
            seen.append(match)
        time.sleep(0.03)
    steps = [(b - a) % len(frames) for a, b in zip(seen, seen[1:])]
    print(f"video: {len(frames)} frames of {width}x{height}, {duration} ms each; Chromium showed frames "
          f"{seen}", flush=True)
    if len(set(seen)) < len(frames) // 2:
        failures.append(f"video: Chromium showed only frames {seen} of {len(frames)}")
    if any(step > 3 for step in steps):
        failures.append(f"video: frames do not advance in order: {seen}")


def check_audio(browser, data, failures):
    with wave.open(io.BytesIO(data)) as w:
        rate, channels, count = w.getframerate(), w.getnchannels(), w.getnframes()
        expected = np.frombuffer(w.readframes(count), dtype="<i2").astype(np.float64) / 32768
    page = browser.open("data:text/html,<!doctype html><body></body>")
    encoded = base64.b64encode(data).decode()
    decoded = page.evaluate(f"""(async () => {{
        const bytes = Uint8Array.from(atob("{encoded}"), c => c.charCodeAt(0));
        const context = new OfflineAudioContext({channels}, {count}, {rate});
        const buffer = await context.decodeAudioData(bytes.buffer);
        return {{rate: buffer.sampleRate, channels: buffer.numberOfChannels, frames: buffer.length,
                 samples: Array.from(buffer.getChannelData(0))}};
    }})()""")
    samples = np.array(decoded.pop("samples"))
    print(f"audio: WAV of {count} frames at {rate} Hz, {channels} channel(s); Web Audio decoded {decoded}", flush=True)
    if (decoded["rate"], decoded["channels"], decoded["frames"]) != (rate, channels, count):
        failures.append(f"audio: Web Audio decoded {decoded}, the WAV says {(rate, channels, count)}")
    elif channels == 1:
        # Chromium's decoder passes the samples through its resampler even at the file's own rate,
        # which moves them by less than one 16-bit step; a wrong byte order, sign or scale would
        # be off by thousands of steps.
        error = np.abs(samples - expected) * 32768
        worst = int(np.argmax(error))
        print(f"audio: the largest difference is {error[worst]:.3f} of a 16-bit step (sample {worst})", flush=True)
        if error[worst] > 1.5:
            failures.append(f"audio: sample {worst} decoded as {samples[worst]}, stored {expected[worst]}")
    played = page.evaluate(f"""(async () => {{
        const audio = new Audio("data:audio/wav;base64,{encoded}");
        await new Promise((resolve, reject) => {{ audio.onloadedmetadata = resolve; audio.onerror = reject; }});
        await audio.play();
        await new Promise(resolve => setTimeout(resolve, 300));
        return {{duration: audio.duration, currentTime: audio.currentTime}};
    }})()""")
    print(f"audio: an <audio> element played it: {played}", flush=True)
    if abs(played["duration"] - count / rate) > 0.01 or played["currentTime"] <= 0:
        failures.append(f"audio: <audio> gave {played} for a clip of {count / rate} s")


def main():
    logdir = sys.argv[1]
    failures = []
    with TensorBoard(logdir, False) as tb:
        video_type, video = fetch_blob(tb, "images", VIDEO_TAG, "individualImage")
        audio_type, audio = fetch_blob(tb, "audio", AUDIO_TAG, "individualAudio")
    if video_type != "image/png" or audio_type != "audio/wav":
        failures.append(f"content types {video_type}, {audio_type}")
    with Chromium(width=600, height=400) as browser:
        check_video(browser, video, failures)
        check_audio(browser, audio, failures)
    for f in failures:
        print("FAIL", f)
    if failures:
        sys.exit(1)
    print("browser: the demo's video animates and its audio decodes and plays in Chromium")


if __name__ == "__main__":
    main()
