"""Prints the benchmark table from the JSON lines of one run (ours and the peers').

For each benchmark: every implementation's median, min and max time per item, its rate, peak
RSS, and how many times faster swift-tfevents is than it (the ratio of per-item medians)."""
import json
import sys

UNITS = {"scalars_write": "scalars", "scalars_write_concurrent": "scalars", "image_256x256_rgb": "images",
         "histogram_10k": "histograms", "read_scalars": "scalars", "read_large_file": "scalars", "startup": "runs",
         "read_100mb_file": "scalars", "read_single_core": "scalars", "many_small_runs": "scalars",
         "report_scalars": "scalars", "sqlite_export": "scalars", "export_wide": "scalars",
         "pr_curve_1m": "curves", "audio_10s_16khz": "clips", "apng_16x64x64": "videos"}


def per_item(line, key):
    unit = UNITS.get(line["benchmark"], "items")
    count = line.get(unit) or 1
    return line[key] / count


def fmt_time(seconds):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def main():
    lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
    benchmarks = []
    for line in lines:
        if line["benchmark"] not in benchmarks:
            benchmarks.append(line["benchmark"])
    out = []
    for benchmark in benchmarks:
        rows = [l for l in lines if l["benchmark"] == benchmark]
        ours = next((l for l in rows if l["implementation"].startswith("swift-tfevents")), None)
        unit = UNITS.get(benchmark, "items")
        out.append(f"\n{benchmark} (time per {unit[:-1]}; ratio = peer time / our time)")
        out.append(f"| implementation | median | min | max | {unit}/s | peak RSS | ratio |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        for line in rows:
            median = per_item(line, "median_s")
            ratio = "1" if line is ours else (f"{median / per_item(ours, 'median_s'):.1f}x" if ours else "")
            extra = f" ({line['bytes']} B)" if "bytes" in line and (unit in ("images", "videos") or benchmark == "report_scalars") else ""
            if "bytes" in line and benchmark == "sqlite_export":
                extra = f" ({line['bytes'] / 1e6:.1f} MB database)"
            if "mb_per_s" in line:
                extra += f" ({line['mb_per_s']:.0f} MB/s)"
            out.append(
                f"| {line['implementation']}{extra} | {fmt_time(median)} | {fmt_time(per_item(line, 'min_s'))} | "
                f"{fmt_time(per_item(line, 'max_s'))} | {line.get(unit + '_per_s', 0):,.0f} | "
                f"{line.get('peak_rss_kib', 0) / 1024:.0f} MiB | {ratio} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
