"""Custom scalars: each run's last layout, the layout TensorBoard merges over all runs, and the
tags each chart's patterns select (through the dashboard's own /scalars route)."""
from tensorboard_server import poll
from .common import same_float

SECTION = "custom_scalars"
SAMPLES = None
CONFIG_TAG = "custom_scalars__config__"


def layout_proto(data):
    from google.protobuf import json_format
    from tensorboard.plugins.custom_scalar import layout_pb2

    return json_format.ParseDict(data, layout_pb2.Layout())


def merged_expected(ctx):
    for _, spec in sorted(ctx.manifest["runs"].items()):
        if "custom_scalars_merged" in spec:
            return spec["custom_scalars_merged"]
    return None


def check_loader(ctx):
    from tensorboard.compat.proto import types_pb2
    from tensorboard.plugins.custom_scalar import layout_pb2

    multiplexer = ctx.multiplexer()
    content = multiplexer.PluginRunToTagToContent("custom_scalars")
    expected_runs = sorted(run for run, _, _ in ctx.runs_with(SECTION))
    if sorted(content) != expected_runs:
        ctx.fail(f"custom scalars loader: runs {sorted(content)}, expected {expected_runs}")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        if list(content.get(run, {})) != [CONFIG_TAG] or content[run][CONFIG_TAG] != b"":
            ctx.fail(f"custom scalars loader: run {run}: tags and content {content.get(run)}")
        events = multiplexer.Tensors(run, CONFIG_TAG)
        written = tags[CONFIG_TAG]
        if len(events) != len(written):
            ctx.fail(f"custom scalars loader {run}: {len(events)} layouts, expected {len(written)}")
            continue
        for event, item in zip(events, written):
            proto = event.tensor_proto
            where = f"custom scalars loader {run} layout at {item['wall_time']}"
            if proto.dtype != types_pb2.DT_STRING or proto.tensor_shape.dim or len(proto.string_val) != 1:
                ctx.fail(f"{where}: not a rank-0 string tensor: {proto}")
                continue
            if event.step != item["step"] or not same_float(event.wall_time, item["wall_time"]):
                ctx.fail(f"{where}: step/wall time {event.step}/{event.wall_time}")
            got = layout_pb2.Layout.FromString(proto.string_val[0])
            if got != layout_proto(item["layout"]):
                ctx.fail(f"{where}: layout {got}, expected {item['layout']}")
            checked += 1
    print(f"custom scalars, python loader: checked {checked} layouts", flush=True)


def chart_filter(chart):
    """The tag filter the dashboard sends for a chart (tf-custom-scalar-*-chart-card)."""
    import re

    if "multiline" in chart:
        patterns = chart["multiline"].get("tag", [])
        return patterns[0] if len(patterns) == 1 else "|".join(f"({p})" for p in patterns)
    names = [n for s in chart["margin"]["series"] for n in (s["value"], s["lower"], s["upper"])]
    return "|".join("(" + re.sub(r"[.*+?^${}()|[\]\\]", lambda m: "\\" + m.group(0), n) + ")" for n in names)


def check_http(ctx, tb):
    merged = merged_expected(ctx)
    if merged is not None:
        expected = layout_proto(merged)

        def problems(got):
            from google.protobuf import json_format
            from tensorboard.plugins.custom_scalar import layout_pb2

            layout = json_format.ParseDict(got, layout_pb2.Layout())
            return [] if layout == expected else [f"layout {got}"]

        _, found = poll(lambda: tb.get("/data/plugin/custom_scalars/layout"), problems)
        for p in found:
            ctx.fail(f"{tb.mode}: /data/plugin/custom_scalars/layout: {p}, expected {merged}")

    checked = 0
    for run, spec, tags in ctx.runs_with(SECTION):
        last = tags[CONFIG_TAG][-1]["layout"]
        wanted = {m["chart"]: m["tags"] for m in spec.get("custom_scalar_matches", [])}
        charts = [c for category in last["category"] for c in category["chart"]]
        for chart in charts:
            tag_filter = chart_filter(chart)
            expected_tags = wanted.get(chart["title"])
            if "margin" in chart:
                expected_tags = sorted({n for s in chart["margin"]["series"] for n in s.values()})
            if expected_tags is None:
                ctx.fail(f"manifest: run {run}: no expected tags for chart {chart['title']!r}")
                continue
            where = f"{tb.mode} custom scalars {run} chart {chart['title']!r} filter {tag_filter!r}"

            def problems(got):
                if not got.get("regex_valid"):
                    return [f"regex not valid: {got}"]
                events = got.get("tag_to_events", {})
                if sorted(events) != sorted(expected_tags):
                    return [f"tags {sorted(events)}, expected {sorted(expected_tags)}"]
                result = []
                for tag in expected_tags:
                    points = [[p[0], p[1], p[2]] for p in events[tag]]
                    want = spec["scalars"][tag]
                    if len(points) != len(want) or any(
                            g[1] != w[1] or not same_float(g[2], w[2]) or not same_float(g[0], w[0])
                            for g, w in zip(points, want)):
                        result.append(f"{tag}: points {points}, expected {want}")
                return result

            _, found = poll(lambda: tb.get("/data/plugin/custom_scalars/scalars", run=run, tag=tag_filter), problems)
            for p in found:
                ctx.fail(f"{where}: {p}")
            checked += 1
    print(f"custom scalars, {tb.mode} loader over HTTP: checked the merged layout and {checked} charts", flush=True)
