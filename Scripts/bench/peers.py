"""The peers, measured the way tfevents-bench measures us: one JSON line per benchmark with
median/min/max seconds over repetitions, a rate, and the peak RSS of the process.

Usage: python peers.py NAME [--count N] [--repetitions R] [--dir D] [--benchmark B]
Names: scalars_tbx, scalars_tbx_queue, scalars_tf2, png_pillow, hist_tbx, hist_tf2,
       pr_tbx, pr_tensorboard, audio_tf2, audio_wave, apng_pillow,
       read_tbparse, read_accumulator, read_reducer, read_rust, sqlite_pandas, wide_tbparse,
       ours_summary, ours_export, ours_export_jsonl, ours_sqlite, ours_wide, ours_long_csv
The read_* peers and ours_summary/ours_export* report under --benchmark (default read_scalars), so
that one log directory's readers share a table.
Each runs in its own process (run.sh starts one per name), so peak RSS is that peer's alone."""
import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def measure(repetitions, body, setup=None):
    seconds = []
    for _ in range(repetitions):
        if setup:
            setup()
        start = time.perf_counter()
        body()
        seconds.append(time.perf_counter() - start)
    return seconds


def report(benchmark, implementation, seconds, items, unit, **extra):
    median = statistics.median(seconds)
    line = {"benchmark": benchmark, "implementation": implementation, unit: items,
            "median_s": median, "min_s": min(seconds), "max_s": max(seconds),
            f"{unit}_per_s": items / median,
            "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, **extra}
    print(json.dumps(line), flush=True)


RUNS, TAGS = 10, [f"metrics/tag{i}" for i in range(10)]


def scalars_tbx(args, max_queue, label):
    from tensorboardX import SummaryWriter
    steps = max(1, args.count // (RUNS * len(TAGS)))
    root = tempfile.mkdtemp(prefix="bench-tbx-")

    def body():
        shutil.rmtree(root, ignore_errors=True)
        writers = [SummaryWriter(os.path.join(root, f"run{r}"), max_queue=max_queue) for r in range(RUNS)]
        for step in range(steps):
            for w in writers:
                for i, tag in enumerate(TAGS):
                    w.add_scalar(tag, step * 0.001 + i, step)
        for w in writers:
            w.close()

    seconds = measure(args.repetitions, body)
    shutil.rmtree(root, ignore_errors=True)
    report("scalars_write", label, seconds, steps * RUNS * len(TAGS), "scalars")


def scalars_tf2(args):
    import tensorflow as tf
    steps = max(1, args.count // (RUNS * len(TAGS)))
    root = tempfile.mkdtemp(prefix="bench-tf2-")

    def body():
        shutil.rmtree(root, ignore_errors=True)
        writers = [tf.summary.create_file_writer(os.path.join(root, f"run{r}"), max_queue=1000)
                   for r in range(RUNS)]

        # Traced once per repetition, as a training loop traces its step function once.
        @tf.function
        def loop(n):
            for step in tf.range(n, dtype=tf.int64):
                for w in writers:
                    with w.as_default():
                        for i, tag in enumerate(TAGS):
                            tf.summary.scalar(tag, tf.cast(step, tf.float32) * 0.001 + i, step=step)
        loop(tf.constant(steps, dtype=tf.int64))
        for w in writers:
            w.close()

    seconds = measure(args.repetitions, body)
    shutil.rmtree(root, ignore_errors=True)
    report("scalars_write", "tf2 tf.summary (tf.function)", seconds, steps * RUNS * len(TAGS), "scalars")


def png_pillow(args):
    import numpy as np
    from PIL import Image
    import io
    raw = np.fromfile(os.path.join(args.dir, "rgb_photo_256x256.raw"), dtype=np.uint8).reshape(256, 256, 3)
    image = Image.fromarray(raw)
    sizes = []

    def body():
        for _ in range(args.count):
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            sizes.append(buffer.tell())

    seconds = measure(args.repetitions, body)
    report("image_256x256_rgb", "Pillow Image.save PNG", seconds, args.count, "images", bytes=sizes[-1])


def hist_tbx(args):
    import numpy as np
    from tensorboardX import SummaryWriter
    values = np.random.default_rng(0).normal(size=10_000).astype(np.float32)
    root = tempfile.mkdtemp(prefix="bench-tbx-hist-")
    writer = SummaryWriter(root, max_queue=1000)

    def body():
        for step in range(args.count):
            writer.add_histogram("weights", values, step)
        writer.flush()

    seconds = measure(args.repetitions, body)
    writer.close()
    shutil.rmtree(root, ignore_errors=True)
    report("histogram_10k", "tensorboardX add_histogram", seconds, args.count, "histograms")


def hist_tf2(args):
    import numpy as np
    import tensorflow as tf
    values = tf.constant(np.random.default_rng(0).normal(size=10_000).astype(np.float32))
    root = tempfile.mkdtemp(prefix="bench-tf2-hist-")
    writer = tf.summary.create_file_writer(root, max_queue=1000)

    @tf.function
    def loop(n):
        with writer.as_default():
            for step in tf.range(n, dtype=tf.int64):
                tf.summary.histogram("weights", values, step=step)

    def body():
        loop(args.count)
        writer.flush()

    seconds = measure(args.repetitions, body)
    writer.close()
    shutil.rmtree(root, ignore_errors=True)
    report("histogram_10k", "tf2 tf.summary.histogram (tf.function)", seconds, args.count, "histograms")


def pr_inputs(count):
    """A classifier's output as tfevents-bench makes it: 30% positives leaning towards 1."""
    import numpy as np
    rng = np.random.default_rng(7)
    labels = rng.random(count) < 0.3
    u = rng.random(count).astype(np.float32)
    return labels, np.where(labels, 1 - u * u, u * u).astype(np.float32)


def pr_tbx(args):
    from tensorboardX.summary import pr_curve
    labels, predictions = pr_inputs(args.count)
    seconds = measure(args.repetitions, lambda: pr_curve("pr", labels, predictions, num_thresholds=127))
    report("pr_curve_1m", "tensorboardX summary.pr_curve (add_pr_curve)", seconds, 1, "curves",
           predictions=args.count)


def pr_tensorboard(args):
    from tensorboard.plugins.pr_curve import summary as pr_summary
    labels, predictions = pr_inputs(args.count)
    seconds = measure(args.repetitions, lambda: pr_summary.pb("pr", labels, predictions, num_thresholds=127))
    report("pr_curve_1m", "TensorBoard pr_curve.summary.pb", seconds, 1, "curves", predictions=args.count)


def audio_samples():
    """10 s of 16 kHz mono: a tone with a little noise, as tfevents-bench makes it."""
    import numpy as np
    t = np.arange(160_000) / 16_000
    noise = np.random.default_rng(3).uniform(-0.05, 0.05, t.size)
    return (np.sin(2 * np.pi * 440 * t) * 0.6 + noise).astype(np.float32)


def audio_tf2(args):
    import tensorflow as tf
    samples = tf.constant(audio_samples()[:, None])
    tf.audio.encode_wav(samples, 16_000)  # warm-up
    seconds = measure(args.repetitions, lambda: tf.audio.encode_wav(samples, 16_000).numpy())
    report("audio_10s_16khz", "TensorFlow tf.audio.encode_wav", seconds, 1, "clips")


def audio_wave(args):
    """What PyTorch's add_audio does: numpy to 16-bit, then Python's wave module."""
    import io
    import wave
    import numpy as np
    samples = audio_samples()

    def body():
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16_000)
            w.writeframes(pcm.tobytes())

    seconds = measure(args.repetitions, body)
    report("audio_10s_16khz", "numpy + wave (PyTorch add_audio)", seconds, 1, "clips")


def apng_pillow(args):
    """Pillow's animated PNG of the same 16 frames (it stores only what changes between frames)."""
    import io
    import numpy as np
    from PIL import Image
    raw = np.fromfile(os.path.join(args.dir, "video.raw"), dtype=np.uint8).reshape(16, 64, 64, 3)
    frames = [Image.fromarray(frame) for frame in raw]
    sizes = []

    def body():
        buffer = io.BytesIO()
        frames[0].save(buffer, format="PNG", save_all=True, append_images=frames[1:], duration=125, loop=0)
        sizes.append(buffer.tell())

    seconds = measure(args.repetitions, body)
    report("apng_16x64x64", "Pillow Image.save APNG", seconds, 1, "videos", bytes=sizes[-1])


def read_peer(args, label, load):
    """Times `load(logdir)`, which must return the number of scalar points it read."""
    points = []

    def body():
        points.append(load(args.dir))

    seconds = measure(args.repetitions, body)
    report(args.benchmark, label, seconds, points[-1], "scalars")


def load_tbparse(logdir):
    from tbparse import SummaryReader
    return len(SummaryReader(logdir, event_types={"scalars"}).scalars)


def load_accumulator(logdir):
    from tensorboard.backend.event_processing import event_multiplexer
    multiplexer = event_multiplexer.EventMultiplexer(size_guidance={"scalars": 0})
    multiplexer.AddRunsFromDirectory(logdir)
    multiplexer.Reload()
    count = 0
    for run, tags in multiplexer.Runs().items():
        for tag in tags.get("scalars", []):
            count += len(multiplexer.Scalars(run, tag))
    return count


def load_reducer(logdir):
    import tensorboard_reducer as tbr
    runs = sorted(os.path.join(logdir, d) for d in os.listdir(logdir))
    frames = tbr.load_tb_events(runs, strict_steps=False)
    return int(sum(frame.count().sum() for frame in frames.values()))


def read_rust(args):
    """The Rust data server behind `tensorboard --load_fast`, keeping every point: the time from
    starting it to its "Finished load cycle" log line, and its peak RSS."""
    import subprocess
    import tensorboard_data_server
    binary = tensorboard_data_server.server_binary()
    seconds, rss = [], 0
    for _ in range(args.repetitions):
        start = time.perf_counter()
        process = subprocess.Popen(
            [binary, "--logdir", args.dir, "--reload", "once", "--port", "0", "--samples-per-plugin", "scalars=all",
             "-v", "--die-after-stdin"],
            stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in process.stderr:
            if "Finished load cycle" in line:
                seconds.append(time.perf_counter() - start)
                break
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        rss = max(rss, int(line.split()[1]))
        except OSError:
            pass
        process.kill()
        process.wait()
    line = {"benchmark": args.benchmark, "implementation": "TensorBoard Rust data server (--load_fast)",
            "scalars": args.count, "median_s": statistics.median(seconds), "min_s": min(seconds),
            "max_s": max(seconds), "scalars_per_s": args.count / statistics.median(seconds), "peak_rss_kib": rss}
    print(json.dumps(line), flush=True)


def scalar_frame(logdir):
    """Every scalar point as a pandas DataFrame (run, tag, step, wall_time, value), as tbparse reads it."""
    from tbparse import SummaryReader
    return SummaryReader(logdir, event_types={"scalars"}, extra_columns={"dir_name", "wall_time"}).scalars


def sqlite_pandas(args):
    """The Python way to the same database: tbparse's DataFrame written with pandas' to_sql into
    SQLite (journal off, like ours), timed whole and, apart, to_sql alone on the frame in memory."""
    import sqlite3
    work = tempfile.mkdtemp()
    path = os.path.join(work, "scalars.db")
    frames, insert_seconds = [], []

    def to_sql(frame):
        if os.path.exists(path):
            os.remove(path)
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        start = time.perf_counter()
        frame.to_sql("scalars", connection, index=False, chunksize=100_000)
        connection.execute("CREATE INDEX scalars_tag ON scalars (dir_name, tag, step)")
        connection.commit()
        insert_seconds.append(time.perf_counter() - start)
        connection.close()

    def body():
        frame = scalar_frame(args.dir)
        frames.append(len(frame))
        to_sql(frame)

    seconds = measure(args.repetitions, body)
    size = os.path.getsize(path)
    shutil.rmtree(work)
    report("sqlite_export", "tbparse SummaryReader + pandas DataFrame.to_sql (whole job)", seconds, frames[-1],
           "scalars", bytes=size)
    report("sqlite_export", "pandas DataFrame.to_sql alone (frame already in memory)", insert_seconds, frames[-1],
           "scalars")


def wide_tbparse(args):
    """tbparse's pivot=True (a column per tag), written as CSV."""
    from tbparse import SummaryReader
    rows = []

    def body():
        frame = SummaryReader(args.dir, pivot=True, event_types={"scalars"}, extra_columns={"dir_name"}).scalars
        frame.to_csv(os.devnull, index=False)
        rows.append(len(frame))

    seconds = measure(args.repetitions, body)
    report("export_wide", "tbparse SummaryReader(pivot=True) + DataFrame.to_csv", seconds, args.count, "scalars",
           rows=rows[-1])


def command(args, benchmark, label, argv, items, unit, expected_status=0):
    """Times a whole command (start-up included), as a user runs it; peak RSS of the child."""
    import subprocess
    seconds = []
    for _ in range(args.repetitions):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
        if result.returncode != expected_status:
            sys.exit(f"{' '.join(argv)} exited with {result.returncode}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = {"benchmark": benchmark, "implementation": label, unit: items, "median_s": statistics.median(seconds),
            "min_s": min(seconds), "max_s": max(seconds), f"{unit}_per_s": items / statistics.median(seconds),
            "peak_rss_kib": rss}
    print(json.dumps(line), flush=True)


def report_page(args):
    """`tfevents report` of the log directory: the whole command, and the size of the page.
    (Not `report`: that name is the line printer every other peer calls.)"""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as directory:
        page = os.path.join(directory, "report.html")
        seconds = []
        for _ in range(args.repetitions):
            start = time.perf_counter()
            subprocess.run([args.tfevents, "report", args.dir, "--output", page], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds.append(time.perf_counter() - start)
        size = os.path.getsize(page)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"benchmark": "report_scalars", "implementation": "swift-tfevents (tfevents report)",
                      "scalars": args.count, "bytes": size, "median_s": statistics.median(seconds),
                      "min_s": min(seconds), "max_s": max(seconds),
                      "scalars_per_s": args.count / statistics.median(seconds), "peak_rss_kib": rss}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--dir", default="")
    parser.add_argument("--tfevents", default="")
    parser.add_argument("--output", default="")
    parser.add_argument("--benchmark", default="read_scalars")
    args = parser.parse_args()
    benches = {
        "scalars_tbx": lambda: scalars_tbx(args, 10, "tensorboardX (max_queue=10)"),
        "scalars_tbx_queue": lambda: scalars_tbx(args, 1000, "tensorboardX (max_queue=1000)"),
        "scalars_tf2": lambda: scalars_tf2(args),
        "png_pillow": lambda: png_pillow(args),
        "hist_tbx": lambda: hist_tbx(args),
        "hist_tf2": lambda: hist_tf2(args),
        "pr_tbx": lambda: pr_tbx(args),
        "pr_tensorboard": lambda: pr_tensorboard(args),
        "audio_tf2": lambda: audio_tf2(args),
        "audio_wave": lambda: audio_wave(args),
        "apng_pillow": lambda: apng_pillow(args),
        "read_tbparse": lambda: read_peer(args, "tbparse SummaryReader", load_tbparse),
        "read_accumulator": lambda: read_peer(args, "TensorBoard EventAccumulator", load_accumulator),
        "read_reducer": lambda: read_peer(args, "tensorboard-reducer", load_reducer),
        "read_rust": lambda: read_rust(args),
        "ours_summary": lambda: command(args, args.benchmark, "swift-tfevents (tfevents summary)",
                                        [args.tfevents, "summary", args.dir, "--format", "json"], args.count, "scalars"),
        "ours_export": lambda: command(args, args.benchmark, "swift-tfevents (tfevents export, CSV)",
                                       [args.tfevents, "export", args.dir], args.count, "scalars"),
        "ours_export_jsonl": lambda: command(args, args.benchmark, "swift-tfevents (tfevents export, JSON Lines)",
                                             [args.tfevents, "export", args.dir, "--format", "jsonl"], args.count,
                                             "scalars"),
        "ours_sqlite": lambda: command(args, "sqlite_export", "swift-tfevents (tfevents export -o FILE.db, whole command)",
                                       [args.tfevents, "export", args.dir, "-o", args.output], args.count, "scalars"),
        "ours_wide": lambda: command(args, "export_wide", "swift-tfevents (tfevents export --wide, CSV)",
                                     [args.tfevents, "export", args.dir, "--wide"], args.count, "scalars"),
        "ours_long_csv": lambda: command(args, "export_wide", "swift-tfevents (tfevents export, long CSV, same run)",
                                         [args.tfevents, "export", args.dir], args.count, "scalars"),
        "sqlite_pandas": lambda: sqlite_pandas(args),
        "wide_tbparse": lambda: wide_tbparse(args),
        "ours_report": lambda: report_page(args),
        "startup_help": lambda: command(args, "startup", "tfevents --help", [args.tfevents, "--help"], 1, "runs"),
        "startup_empty": lambda: command(args, "startup", "tfevents summary EMPTY_LOGDIR",
                                         [args.tfevents, "summary", args.dir], 1, "runs", expected_status=1),
    }
    if args.name not in benches:
        sys.exit(f"unknown benchmark {args.name}; one of {', '.join(benches)}")
    benches[args.name]()


if __name__ == "__main__":
    main()
