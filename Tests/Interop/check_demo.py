"""Checks that `tfevents demo` writes something TensorBoard shows in every tab, in both loaders:
3 runs, each with 5 scalar tags, a 3-image sample batch, a weight histogram, two texts (one a
rendered HTML table) and its hyperparameters in the HPARAMS tab.

Usage: python check_demo.py DEMO_LOGDIR STEPS"""
import sys

from tensorboard_server import TensorBoard, poll

RUNS = ["lr_0.01", "lr_0.03", "lr_0.1"]
SCALARS = ["learning_rate", "train/accuracy", "train/loss", "validation/accuracy", "validation/loss"]


def check(tb, steps, failures):
    def expect(name, fetch, predicate):
        got, problems = poll(fetch, lambda r: [] if predicate(r) else [f"got {str(r)[:300]}"], timeout=60)
        for p in problems:
            failures.append(f"{tb.mode}: {name}: {p}")
        return got

    expect("runs", lambda: tb.get("/data/runs"), lambda r: sorted(r) == RUNS)
    expect("scalar tags", lambda: tb.get("/data/plugin/scalars/tags"),
           lambda r: all(sorted(r.get(run, {})) == SCALARS for run in RUNS))
    expect("train/loss points", lambda: tb.get("/data/plugin/scalars/scalars", run="lr_0.1", tag="train/loss"),
           lambda r: [p[1] for p in r] == list(range(steps)))
    expect("image samples", lambda: tb.get("/data/plugin/images/tags"),
           lambda r: all(r.get(run, {}).get("samples/reconstruction", {}).get("samples") == 3 for run in RUNS))
    expect("histogram", lambda: tb.get("/data/plugin/histograms/histograms", run="lr_0.01", tag="weights/dense"),
           lambda r: len(r) > 0 and sum(b[2] for b in r[-1][2]) == 1000)
    expect("results table", lambda: tb.get("/data/plugin/text/text", run="lr_0.03", tag="results"),
           lambda r: len(r) == 1 and "<table>" in r[0]["text"] and "validation accuracy" in r[0]["text"])
    groups = expect("hparams session groups", lambda: tb.post_json("/data/plugin/hparams/session_groups", {
        "experimentName": "", "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE",
                                                  "STATUS_RUNNING"],
        "colParams": [], "startIndex": 0, "sliceSize": 100}),
        lambda r: sorted(g["name"] for g in r.get("sessionGroups", [])) == RUNS)
    for group in (groups or {}).get("sessionGroups", []):
        if group["hparams"].get("optimizer") != "sgd" or "learning_rate" not in group["hparams"]:
            failures.append(f"{tb.mode}: hparams of {group['name']}: {group['hparams']}")
        if not any(m["name"]["tag"] == "validation/accuracy" for m in group.get("metricValues", [])):
            failures.append(f"{tb.mode}: no validation/accuracy metric for {group['name']}")


def main():
    logdir, steps = sys.argv[1], int(sys.argv[2])
    failures = []
    for load_fast in (False, True):
        with TensorBoard(logdir, load_fast, ["--samples_per_plugin", "scalars=100000"]) as tb:
            check(tb, steps, failures)
    for f in failures:
        print("FAIL:", f)
    print(f"demo in TensorBoard (both loaders): {'ok' if not failures else f'{len(failures)} failures'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
