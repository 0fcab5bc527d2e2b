"""Takes headless-Chromium screenshots of TensorBoard's dashboards on a log directory, so that a
person can look at what each dashboard draws from our files (the interop tests check the data;
this shows the pages).

Usage: python screenshots.py LOGDIR OUTDIR [--load-fast] [--wait SECONDS] [DASHBOARD ...]
Run through Scripts/screenshots.sh, which builds the demo and the venv. Each screenshot is
OUTDIR/<dashboard>-<loader>.png; the script prints the files it wrote."""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "Interop"))
from chromium import Chromium  # noqa: E402
from tensorboard_server import TensorBoard  # noqa: E402

# Dashboard -> URL fragment. `tagFilter` narrows the legacy dashboards to the tags worth seeing.
DASHBOARDS = {
    "scalars": "scalars",
    "custom_scalars": "custom_scalars",
    "images": "images",
    "video": "images&tagFilter=%5Evideo",
    "audio": "audio",
    "histograms": "histograms",
    "pr_curves": "pr_curves",
    "text": "text",
    "hparams": "hparams",
    "mesh": "mesh",
    "projector": "projector",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("logdir")
    parser.add_argument("outdir")
    parser.add_argument("dashboards", nargs="*", default=list(DASHBOARDS))
    parser.add_argument("--load-fast", action="store_true", help="TensorBoard's Rust loader")
    parser.add_argument("--wait", type=float, default=8, help="seconds a dashboard gets to load and draw")
    args = parser.parse_args()
    unknown = [d for d in args.dashboards if d not in DASHBOARDS]
    if unknown:
        sys.exit(f"unknown dashboards {unknown}; known: {', '.join(DASHBOARDS)}")
    os.makedirs(args.outdir, exist_ok=True)
    loader = "rust" if args.load_fast else "python"
    with TensorBoard(args.logdir, args.load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb, \
            Chromium(width=1400, height=1000) as browser:
        for name in args.dashboards:
            target = os.path.join(args.outdir, f"{name}-{loader}.png")
            page = browser.open(f"{tb.base}/#{DASHBOARDS[name]}")
            time.sleep(args.wait)  # the dashboards fetch their data after the page loads
            with open(target, "wb") as f:
                f.write(page.screenshot())
            print(target, flush=True)


if __name__ == "__main__":
    main()
