"""`tfevents report` in a real headless Chromium: what a person opening the file gets.

For the demo, the demo grouped by hyperparameters, a hostile log directory and a 1,000-run sweep,
the page must show every run and tag, draw one line per run (or group) in each chart, smooth as
TensorBoard does (compared with the formula computed here from `tfevents export`, independently
of the page), react to its controls, make no request but for the file itself and data: URIs, log
no error or exception, open no dialog, and open the 1,000-run page in under 3 s.

Usage: python check_report.py TFEVENTS TESTWRITER DEMO_LOGDIR WORKDIR"""
import csv
import io
import math
import os
import subprocess
import sys
import time

from chromium import Chromium

HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "a\u2028b&amp;<!--"]
OPEN_LIMIT_MS = 3000


def run(argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {result.returncode}: {result.stderr}")
    return result.stdout


def export(tfevents, logdir):
    """run -> tag -> [(step, value)] in TensorBoard's order, from `tfevents export` (CSV)."""
    series = {}
    for row in csv.DictReader(io.StringIO(run([tfevents, "export", logdir]))):
        series.setdefault(row["run"], {}).setdefault(row["tag"], []).append((int(row["step"]), float(row["value"])))
    return series


def smooth(values, weight):
    """TensorBoard's smoothing (its line chart's resmoothDataset), written from its source."""
    out, last, count = [], 0.0, 0
    constant = all(v == values[0] for v in values)
    for v in values:
        if constant or not math.isfinite(v):
            out.append(v)
            continue
        last = last * weight + (1 - weight) * v
        count += 1
        debias = 1 if weight == 1 else 1 - weight ** count
        out.append(last / debias)
    return out


def report(tfevents, logdir, output, *options):
    start = time.perf_counter()
    line = run([tfevents, "report", logdir, "--output", output, *options]).strip()
    seconds = time.perf_counter() - start
    size = os.path.getsize(output)
    print(f"report: {line} ({size:,} bytes, {seconds:.2f} s with start-up)", flush=True)
    return output


def problems_of(page, url):
    """Requests other than the file and data: URIs, errors, exceptions and dialogs of a watched page."""
    problems = []
    for event in page.events("Network.requestWillBeSent"):
        requested = event["params"]["request"]["url"]
        if requested.split("#")[0] != url.split("#")[0] and not requested.startswith("data:"):
            problems.append(f"request to {requested[:120]}")
    for event in page.events("Runtime.exceptionThrown"):
        details = event["params"]["exceptionDetails"]
        problems.append(f"exception: {details.get('exception', {}).get('description', details.get('text'))}")
    for event in page.events("Runtime.consoleAPICalled"):
        if event["params"]["type"] in ("error", "assert"):
            problems.append(f"console.{event['params']['type']}: {event['params']['args']}")
    for event in page.events("Log.entryAdded"):
        entry = event["params"]["entry"]
        if entry["level"] == "error":
            problems.append(f"log: {entry.get('source')}: {entry['text']}")
    for event in page.events("Page.javascriptDialogOpening"):
        problems.append(f"a dialog opened: {event['params'].get('message')}")
    return problems


def open_report(browser, path):
    url = "file://" + os.path.abspath(path)
    page = browser.open(url, watch=True)
    page.wait_for("window.tfeventsReport && window.tfeventsReport.ready")
    return page, url


def draw_every_chart(page):
    """Scrolls each chart into view, as a reader would, until each has been drawn."""
    count = page.evaluate("tfeventsReport.charts.length")
    for index in range(count):
        page.evaluate(f"tfeventsReport.charts[{index}].figure.scrollIntoView({{block: 'center'}})")
        page.wait_for(f"tfeventsReport.charts[{index}].drawn !== null && !tfeventsReport.charts[{index}].dirty",
                      timeout=60, interval=0.05)
    return count


def compare_smoothing(page, expected_lines, weight, label, failures):
    """The page's smoothed values against `smooth` of the exported values, line by line."""
    worst = 0.0
    checked = 0
    charts = page.evaluate("tfeventsReport.charts.map(c => c.tag)")
    for index, tag in enumerate(charts):
        for line in page.evaluate(f"tfeventsReport.smoothedValues({index})"):
            points = expected_lines.get(tag, {}).get(line["name"])
            if points is None:
                failures.append(f"{label}: the page has a line {line['name']!r} in {tag!r} that export does not")
                continue
            mine = [(s, v) for (s, _), v in zip(points, smooth([v for _, v in points], weight)) if math.isfinite(v)]
            if [s for s, _ in mine] != line["steps"]:
                failures.append(f"{label}: {tag} {line['name']}: smoothed steps differ")
                continue
            for (_, expected), got in zip(mine, line["values"]):
                difference = abs(expected - got) / max(1.0, abs(expected))
                worst = max(worst, difference)
                if difference > 1e-12:
                    failures.append(f"{label}: {tag} {line['name']}: smoothed {got!r}, TensorBoard's formula {expected!r}")
                    break
            checked += len(mine)
    print(f"{label}: {checked} smoothed points at weight {weight} equal TensorBoard's formula "
          f"(largest relative difference {worst:.1e})", flush=True)
    if checked == 0:
        failures.append(f"{label}: no smoothed point compared")


def check_page_basics(page, url, runs, tags, lines_per_chart, label, failures):
    text = page.evaluate("document.body.innerText")
    for name in runs:
        if name not in text:
            failures.append(f"{label}: run {name!r} is not on the page")
    for tag in tags:
        if tag not in text:
            failures.append(f"{label}: tag {tag!r} is not on the page")
    count = draw_every_chart(page)
    drawn = page.evaluate("tfeventsReport.charts.map(c => [c.tag, c.drawn.lines.map(l => l.name)])")
    for tag, names in drawn:
        if sorted(names) != sorted(lines_per_chart.get(tag, [])):
            failures.append(f"{label}: {tag!r} draws {names}, expected {sorted(lines_per_chart.get(tag, []))}")
    print(f"{label}: {count} charts drawn, one line per {'group' if 'group' in label else 'run'}", flush=True)
    return count


def check_demo(browser, tfevents, demo, work, failures):
    exported = export(tfevents, demo)
    by_tag = {}
    for name, tags in exported.items():
        for tag, points in tags.items():
            by_tag.setdefault(tag, {})[name] = points
    page, url = open_report(browser, report(tfevents, demo, os.path.join(work, "demo.html")))
    check_page_basics(page, url, exported, by_tag, {t: list(l) for t, l in by_tag.items()}, "demo", failures)
    compare_smoothing(page, by_tag, 0.6, "demo", failures)

    # The slider: its input event changes the weight, and so the drawn smoothed lines.
    before = page.evaluate("JSON.stringify(tfeventsReport.charts[1].drawn.lines.map(l => l.smoothedY))")
    page.evaluate("(() => { const s = document.getElementById('smoothing'); s.value = '0.95';"
                  " s.dispatchEvent(new Event('input', {bubbles: true})); })()")
    page.wait_for("tfeventsReport.charts[1].drawn.weight === 0.95", timeout=30, interval=0.05)
    after = page.evaluate("JSON.stringify(tfeventsReport.charts[1].drawn.lines.map(l => l.smoothedY))")
    shown = page.evaluate("document.getElementById('smoothing-value').textContent")
    if before == after or shown != "0.950":
        failures.append(f"demo: moving the smoothing slider to 0.95 did not change the drawn lines (label {shown})")
    else:
        print("demo: the slider at 0.95 redrew the smoothed lines", flush=True)
    compare_smoothing(page, by_tag, 0.95, "demo", failures)

    # The axes and the scale switch without error; the overview sorts; the filter hides rows.
    page.evaluate("document.querySelector('button[data-x=wall]').click(); document.querySelector('button[data-y=log]').click()")
    page.wait_for("tfeventsReport.charts[1].drawn.xAxis === 'wall' && tfeventsReport.charts[1].drawn.yScale === 'log'",
                  timeout=30, interval=0.05)
    order = page.evaluate("""(() => {
        const th = [...document.querySelectorAll('#overview-table th[data-col]')].find(t => t.textContent.startsWith('best'));
        th.querySelector('button').click(); th.querySelector('button').click();
        return [...document.querySelectorAll('#overview-table tbody tr')].map(r => r.dataset.name); })()""")
    if sorted(order) != sorted(exported):
        failures.append(f"demo: sorting lost rows: {order}")
    failures += [f"demo: {p}" for p in problems_of(page, url)]
    page.close()


def check_grouped(browser, tfevents, demo, work, failures):
    exported = export(tfevents, demo)
    groups = {"lr_0.01": "augmentation=true", "lr_0.03": "augmentation=true", "lr_0.1": "augmentation=false"}
    path = report(tfevents, demo, os.path.join(work, "grouped.html"), "--group-by-hparams",
                  "--ignore-hparam", "learning_rate", "--ignore-hparam", "batch_size", "--ignore-hparam", "optimizer")
    page, url = open_report(browser, path)
    # The groups' means at the steps all their runs share, as numpy's mean (runs in name order).
    expected = {}
    for run in sorted(exported):
        for tag, points in exported[run].items():
            expected.setdefault(tag, {}).setdefault(groups[run], []).append(dict(points))
    means = {}
    for tag, by_group in expected.items():
        for group, runs in by_group.items():
            steps = sorted(set.intersection(*(set(r) for r in runs)))
            means.setdefault(tag, {})[group] = [(s, sum(r[s] for r in runs) / len(runs)) for s in steps]
    check_page_basics(page, url, list(groups.values()), expected, {t: list(g) for t, g in expected.items()},
                      "demo grouped", failures)
    compare_smoothing(page, means, 0.6, "demo grouped", failures)
    bands = page.evaluate("tfeventsReport.charts.every(c => c.lines.every(l => l.band !== null))")
    if not bands:
        failures.append("demo grouped: a group line has no band")
    page.evaluate("document.querySelector('button[data-band=minmax]').click()")
    page.wait_for("tfeventsReport.charts[0].drawn.band === 'minmax'", timeout=30, interval=0.05)
    failures += [f"demo grouped: {p}" for p in problems_of(page, url)]
    page.close()


def check_hostile(browser, tfevents, testwriter, work, failures):
    logdir = os.path.join(work, "hostile")
    run([testwriter, "report-hostile", logdir, "1"])
    page, url = open_report(browser, report(tfevents, logdir, os.path.join(work, "hostile.html"), "--title", HOSTILE[1]))
    runs = [HOSTILE[0], "</script>"]
    check_page_basics(page, url, runs, [HOSTILE[0], HOSTILE[1]],
                      {HOSTILE[0]: runs, HOSTILE[1]: [HOSTILE[0]], HOSTILE[2]: [HOSTILE[0]]}, "hostile", failures)
    tags = page.evaluate("[...document.querySelectorAll('figure.chart')].map(f => f.dataset.tag)")
    if sorted(tags) != sorted(HOSTILE):
        failures.append(f"hostile: chart tags read back as {tags}")
    strange = page.evaluate("""[...document.querySelectorAll('img')].filter(i => !i.src.startsWith('data:')).length
        + document.querySelectorAll('script').length - 2""")
    if strange:
        failures.append(f"hostile: {strange} elements came from the files' text")
    if page.evaluate("document.title") != HOSTILE[1]:
        failures.append("hostile: the title is not the literal text")
    # The payloads in the filter box are data too.
    page.evaluate(f"(() => {{ const f = document.getElementById('filter'); f.value = {HOSTILE[0]!r};"
                  " f.dispatchEvent(new Event('search')); })()")
    page.evaluate("new Promise(r => setTimeout(r, 300))")
    failures += [f"hostile: {p}" for p in problems_of(page, url)]
    page.close()
    print("hostile: every name shows as literal text; no dialog, request or error", flush=True)


def check_thousand_runs(browser, tfevents, testwriter, work, failures):
    logdir = os.path.join(work, "sweep")
    start = time.perf_counter()
    run([testwriter, "report-runs", logdir, "1000"])
    print(f"sweep: 1,000 runs written in {time.perf_counter() - start:.1f} s", flush=True)
    path = report(tfevents, logdir, os.path.join(work, "sweep.html"))
    # Opened at its charts, as from a link to them: the first chart is in view from the start.
    url = "file://" + os.path.abspath(path) + "#scalars"
    # Opened three times, the fastest counting: on a machine shared with other jobs, the slower
    # openings measure the other jobs.
    openings = []
    for attempt in range(3):
        start = time.perf_counter()
        page = browser.open(url, watch=True)
        page.wait_for("window.tfeventsReport && tfeventsReport.firstDrawAt !== null", timeout=60, interval=0.02)
        wall = (time.perf_counter() - start) * 1000
        timing = page.evaluate("""(() => { const n = performance.getEntriesByType('navigation')[0];
            return {load: n.loadEventEnd, firstChart: tfeventsReport.firstDrawAt}; })()""")
        openings.append(max(timing["load"], timing["firstChart"]))
        print(f"sweep: load event at {timing['load']:.0f} ms, first chart drawn at {timing['firstChart']:.0f} ms "
              f"after navigation ({wall:.0f} ms from the command, browser included)", flush=True)
        failures += [f"sweep: {p}" for p in problems_of(page, url)]
        if attempt < 2:
            page.close()
    if min(openings) > OPEN_LIMIT_MS:
        failures.append(f"sweep: the page took {min(openings):.0f} ms at best to load and draw its first chart")
    rows = page.evaluate("document.querySelectorAll('#overview-table tbody tr').length")
    if rows != 1000:
        failures.append(f"sweep: {rows} overview rows")
    legend = page.evaluate("[document.querySelectorAll('.legend-item').length,"
                           " (document.getElementById('legend-more') || {}).textContent]")
    if legend != [24, "+ 976 more"]:
        failures.append(f"sweep: the legend shows {legend}")
    page.evaluate("document.getElementById('legend-more').click()")
    if page.evaluate("document.querySelectorAll('.legend-item').length") != 1000:
        failures.append("sweep: the unfolded legend does not list every run")
    page.evaluate("document.getElementById('legend-more').click()")
    # The filter: four seeds of one learning rate.
    page.evaluate("(() => { const f = document.getElementById('filter'); f.value = 'lr_0.010/';"
                  " f.dispatchEvent(new Event('input')); })()")
    page.wait_for("document.getElementById('filter-count').textContent === '4 of 1000'", timeout=30, interval=0.05)
    page.evaluate("tfeventsReport.charts[0].figure.scrollIntoView({block: 'center'})")
    page.wait_for("tfeventsReport.charts[0].drawn.lines.length === 4", timeout=30, interval=0.05)
    shown = page.evaluate("[[...document.querySelectorAll('#overview-table tbody tr:not([hidden])')].map(r => r.dataset.name),"
                          " [...document.querySelectorAll('.legend-item')].map(i => i.textContent)]")
    expected = [f"lr_0.010/seed_{s}" for s in range(4)]
    if shown != [expected, expected]:
        failures.append(f"sweep: the filter shows rows and legend {shown}")
    else:
        print("sweep: the filter keeps 4 of 1,000 runs in the overview, legend and charts; the legend folds"
              " at 24 (+ 976 more)", flush=True)
    failures += [f"sweep: {p}" for p in problems_of(page, url)]
    page.close()


def main():
    tfevents, testwriter, demo, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    failures = []
    # 2D canvases drawn in software, as a browser without a GPU draws them: the software GL
    # (SwiftShader) that chromium.py turns on for WebGL would also take the canvases, and under
    # CPU contention it stalls the page's main thread for tens of seconds now and then.
    with Chromium(width=1400, height=1000, extra_args=["--disable-accelerated-2d-canvas"]) as browser:
        check_demo(browser, tfevents, demo, work, failures)
        check_grouped(browser, tfevents, demo, work, failures)
        check_hostile(browser, tfevents, testwriter, work, failures)
        check_thousand_runs(browser, tfevents, testwriter, work, failures)
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures), flush=True)
        sys.exit(1)
    print("report: every check passed", flush=True)


if __name__ == "__main__":
    main()
