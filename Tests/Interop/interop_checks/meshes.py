"""Meshes: each part's tensor and MeshPluginData as the mesh plugin reads them, its tags, the
metadata of every part and step (/meshes), and the bytes of vertices, faces and colors (/data)."""
import urllib.parse

from tensorboard_server import poll
from .common import same_float

SECTION = "meshes"
SAMPLES = None
PARTS = {"VERTEX": (1, "float32"), "FACE": (2, "int32"), "COLOR": (3, "uint8")}


def expected_array(part):
    import numpy as np

    return np.array(part["values"], dtype=PARTS[part["name"]][1]).reshape(part["shape"])


def parts(item):
    return [dict(part, name=name) for name, part in item["parts"].items()]


def check_loader(ctx):
    from tensorboard.plugins.mesh import metadata
    from tensorboard.util import tensor_util

    multiplexer = ctx.multiplexer()
    content = multiplexer.PluginRunToTagToContent("mesh")
    checked = 0
    for run, _, meshes in ctx.runs_with(SECTION):
        expected_tags = sorted(f"{name}_{p}" for name, items in meshes.items() for p in items[0]["parts"])
        found = content.get(run, {})
        if sorted(found) != expected_tags:
            ctx.fail(f"mesh loader: run {run}: tags {sorted(found)}, expected {expected_tags}")
            continue
        for name, items in meshes.items():
            for part_name in items[0]["parts"]:
                tag = f"{name}_{part_name}"
                info = metadata.parse_plugin_metadata(found[tag])
                first = items[0]["parts"][part_name]
                want = (0, name, PARTS[part_name][0], items[0]["config"], first["shape"], items[0]["components"])
                got = (info.version, info.name, info.content_type, info.json_config, list(info.shape), info.components)
                if got != want:
                    ctx.fail(f"mesh loader {run}/{tag}: metadata {got}, expected {want}")
                events = multiplexer.Tensors(run, tag)
                if [e.step for e in events] != [i["step"] for i in items]:
                    ctx.fail(f"mesh loader {run}/{tag}: steps {[e.step for e in events]}")
                    continue
                for event, item in zip(events, items):
                    array = tensor_util.make_ndarray(event.tensor_proto)
                    want_array = expected_array(dict(item["parts"][part_name], name=part_name))
                    if array.dtype != want_array.dtype or array.shape != want_array.shape \
                            or array.tobytes() != want_array.tobytes():
                        ctx.fail(f"mesh loader {run}/{tag} step {event.step}: {array.dtype} {array.shape} "
                                 f"{array.tolist()}, expected {want_array.tolist()}")
                    if not same_float(event.wall_time, item["wall_time"]):
                        ctx.fail(f"mesh loader {run}/{tag} step {event.step}: wall time {event.wall_time}")
                    checked += 1
    print(f"meshes, python loader: checked {checked} tensors", flush=True)


def check_http(ctx, tb):
    expected_tags = {run: {name: {"samples": items[0]["parts"]["VERTEX"]["shape"][0]} for name, items in meshes.items()}
                     for run, _, meshes in ctx.runs_with(SECTION)}
    _, problems = poll(lambda: tb.get("/data/plugin/mesh/tags"),
                       lambda got: [] if {r: t for r, t in got.items() if t} == expected_tags else [f"tags {got}"])
    for p in problems:
        ctx.fail(f"{tb.mode}: /data/plugin/mesh/tags: {p}, expected {expected_tags}")

    checked = 0
    for run, _, meshes in ctx.runs_with(SECTION):
        for name, items in meshes.items():
            want = sorted(
                (item["step"], PARTS[p["name"]][0], item["wall_time"], item["components"], item["config"], p["shape"])
                for item in items for p in parts(item))

            def metadata_problems(got):
                entries = sorted((g["step"], g["content_type"], g["wall_time"], g["components"], g["config"],
                                  g["data_shape"]) for g in got)
                return [] if entries == want else [f"entries {entries}"]

            _, problems = poll(lambda: tb.get("/data/plugin/mesh/meshes", run=run, tag=name), metadata_problems)
            for p in problems:
                ctx.fail(f"{tb.mode} /data/plugin/mesh/meshes {run}/{name}: {p}, expected {want}")

            for item in items:
                for part in parts(item):
                    array = expected_array(part)
                    for sample in range(array.shape[0]):
                        query = dict(run=run, tag=name, content_type=part["name"], sample=sample, step=item["step"])
                        _, _, body = tb.get_bytes("/data/plugin/mesh/data?" + urllib.parse.urlencode(query))
                        if body != array[sample].tobytes():
                            ctx.fail(f"{tb.mode} /data/plugin/mesh/data {query}: {len(body)} bytes "
                                     f"{body[:48].hex()}, expected {array[sample].tobytes()[:48].hex()}")
                        checked += 1
    print(f"meshes, {tb.mode} loader over HTTP: checked metadata and {checked} arrays", flush=True)
