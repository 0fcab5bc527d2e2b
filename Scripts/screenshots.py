"""Takes headless-Chromium screenshots of TensorBoard's dashboards on a log directory, so that a
person can look at what each dashboard draws from our files (the interop tests check the data;
this shows the pages).

Usage: python screenshots.py LOGDIR OUTDIR [--load-fast] [--chromium PATH] [DASHBOARD ...]
Run through Scripts/screenshots.sh, which builds the demo and the venv. Each screenshot is
OUTDIR/<dashboard>-<loader>.png; the script prints the files it wrote."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "Interop"))
from tensorboard_server import TensorBoard  # noqa: E402

# Dashboard -> URL fragment. `tagFilter` narrows the legacy dashboards to the tags worth seeing.
DASHBOARDS = {
    "scalars": "scalars",
    "custom_scalars": "custom_scalars",
    "images": "images",
    "video": "images&tagFilter=video",
    "audio": "audio",
    "histograms": "histograms",
    "pr_curves": "pr_curves",
    "text": "text",
    "hparams": "hparams",
    "mesh": "mesh",
    "projector": "projector",
}

# WebGL (mesh, projector) needs a software renderer in a headless browser without a GPU.
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--hide-scrollbars", "--mute-audio",
                  "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                  "--window-size=1400,1000", "--virtual-time-budget=20000"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("logdir")
    parser.add_argument("outdir")
    parser.add_argument("dashboards", nargs="*", default=list(DASHBOARDS))
    parser.add_argument("--load-fast", action="store_true", help="TensorBoard's Rust loader")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    unknown = [d for d in args.dashboards if d not in DASHBOARDS]
    if unknown:
        sys.exit(f"unknown dashboards {unknown}; known: {', '.join(DASHBOARDS)}")
    os.makedirs(args.outdir, exist_ok=True)
    loader = "rust" if args.load_fast else "python"
    with TensorBoard(args.logdir, args.load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb:
        for name in args.dashboards:
            target = os.path.join(args.outdir, f"{name}-{loader}.png")
            with tempfile.TemporaryDirectory() as profile:
                result = subprocess.run(
                    [args.chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={target}",
                     f"{tb.base}/#{DASHBOARDS[name]}"],
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=180)
            if result.returncode != 0 or not os.path.exists(target):
                sys.exit(f"chromium failed on {name} ({result.returncode}):\n{result.stdout[-2000:]}")
            print(target)


if __name__ == "__main__":
    main()
