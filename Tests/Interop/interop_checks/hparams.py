"""Hyperparameters: each session run's hparams (string, number, Boolean), start and end info,
and the metric values TensorBoard infers from the run's scalars, with no experiment summary."""
import math
import struct

from tensorboard_server import poll
from .common import number, same_float

SECTION = "hparams"
SAMPLES = None
START_TAG = "_hparams_/session_start_info"
END_TAG = "_hparams_/session_end_info"
ALL_STATUSES = ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"]


def sessions(ctx):
    """{run: (the manifest's session item, {metric tag: last scalar point [wall, step, value]})}."""
    result = {}
    for run, spec, tags in ctx.runs_with(SECTION):
        metrics = {tag: max(points, key=lambda p: p[1]) for tag, points in spec.get("scalars", {}).items()}
        result[run] = (tags[START_TAG][0], metrics)
    return result


def value_of(v):
    """A google.protobuf.Value as the plain Python value."""
    kind = v.WhichOneof("kind")
    return {"string_value": v.string_value, "number_value": v.number_value,
            "bool_value": v.bool_value}.get(kind, ("unexpected kind", kind))


def within(value, window):
    return window[0] - 0.01 <= value <= window[1] + 0.01


def check_loader(ctx):
    from tensorboard.plugins.hparams import api_pb2, plugin_data_pb2

    multiplexer = ctx.multiplexer()
    content = multiplexer.PluginRunToTagToContent("hparams")
    expected = sessions(ctx)
    if sorted(content) != sorted(expected):
        ctx.fail(f"multiplexer: hparams runs {sorted(content)}, expected {sorted(expected)}")
    for run, (item, _) in expected.items():
        tags = content.get(run, {})
        if sorted(tags) != [END_TAG, START_TAG]:
            ctx.fail(f"multiplexer: run {run}: hparams tags {sorted(tags)}, expected the session start and end")
            continue
        start = plugin_data_pb2.HParamsPluginData.FromString(tags[START_TAG])
        if start.version != 0 or start.WhichOneof("data") != "session_start_info":
            ctx.fail(f"multiplexer: run {run}: session start content {start}")
        got = {k: value_of(v) for k, v in start.session_start_info.hparams.items()}
        if got != item["hparams"] or any(type(got[k]) is not type(v) for k, v in item["hparams"].items()):
            ctx.fail(f"multiplexer: run {run}: hparams {got}, expected {item['hparams']}")
        if not same_float(start.session_start_info.start_time_secs, item["start_time"]):
            ctx.fail(f"multiplexer: run {run}: start time {start.session_start_info.start_time_secs}")
        end = plugin_data_pb2.HParamsPluginData.FromString(tags[END_TAG])
        if end.WhichOneof("data") != "session_end_info" or end.session_end_info.status != api_pb2.STATUS_SUCCESS:
            ctx.fail(f"multiplexer: run {run}: end status {end.session_end_info.status}")
        if not within(end.session_end_info.end_time_secs, item["end_window"]):
            ctx.fail(f"multiplexer: run {run}: end time {end.session_end_info.end_time_secs} "
                     f"outside {item['end_window']}")
    print(f"hparams, python loader: checked {len(expected)} sessions", flush=True)


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def experiment_problems(got, expected):
    problems = []
    want_types = {}
    for item, _ in expected.values():
        for name, value in item["hparams"].items():
            kind = {bool: "DATA_TYPE_BOOL", str: "DATA_TYPE_STRING"}.get(type(value), "DATA_TYPE_FLOAT64")
            want_types[name] = kind
    got_types = {h["name"]: h.get("type") for h in got.get("hparamInfos", [])}
    if got_types != want_types:
        problems.append(f"hparam infos {got_types}, expected {want_types}")
    want_metrics = sorted({tag for _, metrics in expected.values() for tag in metrics})
    got_metrics = sorted(m["name"]["tag"] for m in got.get("metricInfos", []) if not m["name"].get("group"))
    if got_metrics != want_metrics:
        problems.append(f"metric infos {got_metrics}, expected {want_metrics}")
    return problems


def group_problems(got, expected):
    groups = {g["name"]: g for g in got.get("sessionGroups", [])}
    if sorted(groups) != sorted(expected) or got.get("totalSize") != len(expected):
        return [f"session groups {sorted(groups)} (total {got.get('totalSize')}), expected {sorted(expected)}"]
    problems = []
    for run, (item, metrics) in expected.items():
        group = groups[run]
        hparams = group.get("hparams", {})
        if hparams != item["hparams"] or any(
                isinstance(hparams[k], bool) != isinstance(v, bool) for k, v in item["hparams"].items()):
            problems.append(f"{run}: hparams {hparams}, expected {item['hparams']}")
        values = {m["name"]["tag"]: m for m in group.get("metricValues", [])}
        if sorted(values) != sorted(metrics):
            problems.append(f"{run}: metrics {sorted(values)}, expected {sorted(metrics)}")
        for tag, (wall, step, value) in metrics.items():
            m = values.get(tag)
            if m and (not same_float(m["value"], f32(number(value))) or m.get("trainingStep", 0) != step
                      or not same_float(m["wallTimeSecs"], wall)):
                problems.append(f"{run}/{tag}: metric {m}, expected value {f32(value)} at step {step}, wall {wall}")
        session = (group.get("sessions") or [{}])[0]
        if len(group.get("sessions", [])) != 1 or session.get("name") != run:
            problems.append(f"{run}: sessions {group.get('sessions')}")
        if session.get("status") != item["status"]:
            problems.append(f"{run}: status {session.get('status')}, expected {item['status']}")
        if not same_float(session.get("startTimeSecs", math.nan), item["start_time"]):
            problems.append(f"{run}: start time {session.get('startTimeSecs')}, expected {item['start_time']}")
        if not within(session.get("endTimeSecs", -1), item["end_window"]):
            problems.append(f"{run}: end time {session.get('endTimeSecs')} outside {item['end_window']}")
    return problems


def check_http(ctx, tb):
    expected = sessions(ctx)
    _, problems = poll(lambda: tb.post_json("/data/plugin/hparams/experiment", {"experimentName": ""}),
                       lambda got: experiment_problems(got, expected))
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/hparams/experiment: {p}")
    request = {"experimentName": "", "allowedStatuses": ALL_STATUSES, "colParams": [], "startIndex": 0,
               "sliceSize": 100}
    _, problems = poll(lambda: tb.post_json("/data/plugin/hparams/session_groups", request),
                       lambda got: group_problems(got, expected))
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/hparams/session_groups: {p}")
    print(f"hparams, {tb.mode} loader over HTTP: checked {len(expected)} sessions", flush=True)
