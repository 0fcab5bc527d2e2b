"""Text: the Markdown stored in each point, and the HTML TensorBoard renders from it (a table
must come back as an HTML <table> with the escaped cells intact)."""
from tensorboard_server import poll
from .common import same_float

SECTION = "text"
# The Python loader keeps 10 text points per tag by default.
SAMPLES = "text=100000"


def check_loader(ctx):
    from tensorboard.compat.proto import types_pb2
    from tensorboard.util import tensor_util

    multiplexer = ctx.multiplexer()
    found_runs = multiplexer.PluginRunToTagToContent("text")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        found = found_runs.get(run, {})
        if sorted(found) != sorted(tags):
            ctx.fail(f"multiplexer: run {run}: text tags {sorted(found)}, expected {sorted(tags)}")
        for tag, expected in tags.items():
            if tag not in found:
                continue
            events = multiplexer.Tensors(run, tag)
            if len(events) != len(expected):
                ctx.fail(f"multiplexer {run}/{tag}: {len(events)} points, expected {len(expected)}")
                continue
            for event, item in zip(events, expected):
                proto = event.tensor_proto
                if proto.dtype != types_pb2.DT_STRING or proto.tensor_shape.dim:
                    ctx.fail(f"multiplexer {run}/{tag} step {event.step}: not a rank-0 string tensor")
                text = tensor_util.make_ndarray(proto).item().decode("utf-8")
                if text != item["markdown"] or event.step != item["step"] \
                        or not same_float(event.wall_time, item["wall_time"]):
                    ctx.fail(f"multiplexer {run}/{tag} step {event.step}: {text!r}, expected {item['markdown']!r}")
                checked += 1
    print(f"text, python loader: checked {checked} texts", flush=True)


def html_problems(where, got, expected):
    if len(got) != len(expected):
        return [f"{where}: {len(got)} points, expected {len(expected)}"]
    problems = []
    for point, item in zip(got, expected):
        if point["step"] != item["step"] or not same_float(point["wall_time"], item["wall_time"]):
            problems.append(f"{where}: point {point['step']}/{point['wall_time']}, expected "
                            f"{item['step']}/{item['wall_time']}")
        html = point["text"]
        for fragment in item["contains"]:
            if fragment not in html:
                problems.append(f"{where} step {item['step']}: {fragment!r} missing from {html[:600]!r}")
        for fragment in item["excludes"]:
            if fragment in html:
                problems.append(f"{where} step {item['step']}: {fragment!r} present in {html[:600]!r}")
    return problems


def check_http(ctx, tb):
    expected_tags = {run: sorted(tags) for run, _, tags in ctx.runs_with(SECTION)}
    _, problems = poll(lambda: tb.get("/data/plugin/text/tags"),
                       lambda r: [] if {k: sorted(v) for k, v in r.items() if v} == expected_tags
                       else [f"tags {str(r)[:500]}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/text/tags: {p}, expected {expected_tags}")
    checked = 0
    for run, _, tags in ctx.runs_with(SECTION):
        for tag, expected in tags.items():
            where = f"{tb.mode} {run}/{tag}"
            _, problems = poll(lambda: tb.get("/data/plugin/text/text", run=run, tag=tag),
                               lambda got: html_problems(where, got, expected))
            for p in problems:
                ctx.fail(p)
            checked += len(expected)
    print(f"text, {tb.mode} loader over HTTP: checked {checked} texts", flush=True)
