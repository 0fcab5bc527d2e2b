import Foundation
import TFEvents

/// Scalar runs covering what TensorBoard must show exactly: float32 rounding, NaN and infinities,
/// negative and large steps, several scalars per call, Unicode tags, default wall times, more
/// points than TensorBoard samples by default, two writers in one directory, and a run resumed
/// with `purgeStep` after an attempt that wrote no restart marker of its own.
func writeScalarRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0

    // 1. Curves with explicit wall times, and edge-case values.
    do {
        let run = "scalars/curves"
        let writer = try SummaryWriter(logdir: logdir + "/" + run)
        for step in 0..<300 {
            let t = base + Double(step) * 0.25
            let loss = 2.0 * exp(-Double(step) / 80) + 0.05 * sin(Double(step))
            let accuracy = 1 - 0.9 * exp(-Double(step) / 60)
            try writer.addScalars(["train/loss": loss, "train/accuracy": accuracy], step: step, wallTime: t)
            manifest.addScalar(run: run, tag: "train/accuracy", wallTime: t, step: Int64(step), value: accuracy)
            manifest.addScalar(run: run, tag: "train/loss", wallTime: t, step: Int64(step), value: loss)
        }
        let specials: [(String, Double)] = [
            ("special/nan", .nan), ("special/inf", .infinity), ("special/neg_inf", -.infinity),
            ("special/overflow", 1e300), ("special/point_one", 0.1), ("special/tiny", 1e-45),
            ("special/neg_zero", -0.0), ("special/max_float", Double(Float.greatestFiniteMagnitude)),
        ]
        for (tag, value) in specials {
            try writer.addScalar(tag, value, step: 7, wallTime: base + 0.5)
            manifest.addScalar(run: run, tag: tag, wallTime: base + 0.5, step: 7, value: value)
        }
        // Negative and very large steps, increasing.
        let steps: [Int64] = [-1_000_000, -1, 0, 1 << 40, (1 << 53) + 2]
        for (index, step) in steps.enumerated() {
            let t = base + 1000 + Double(index)
            try writer.addScalar("steps/wide", Double(index), step: step, wallTime: t)
            manifest.addScalar(run: run, tag: "steps/wide", wallTime: t, step: step, value: Double(index))
        }
        // Tags beyond ASCII.
        for (tag, value) in [("métrique/précision", 0.75), ("日本語/損失", 1.5), ("emoji 😀 tag", -2.25)] {
            try writer.addScalar(tag, value, step: 3, wallTime: base + 3)
            manifest.addScalar(run: run, tag: tag, wallTime: base + 3, step: 3, value: value)
        }
        try writer.close()
        manifest.addFile(run: run, path: writer.path)
    }

    // 2. Default wall times, and more points than TensorBoard keeps by default (1,000).
    do {
        let run = "scalars/now"
        let start = Date().timeIntervalSince1970
        let writer = try SummaryWriter(logdir: logdir + "/" + run, options: .init(flushInterval: .milliseconds(50)))
        for step in 0..<1500 {
            let value = Double(step % 97) / 97
            try writer.addScalar("long/series", value, step: step)
            manifest.addScalar(run: run, tag: "long/series", wallTime: nil, step: Int64(step), value: value)
        }
        try writer.close()
        let end = Date().timeIntervalSince1970
        manifest.set(run: run, "write_window", .array([.number(start), .number(end)]))
        manifest.addFile(run: run, path: writer.path)
    }

    // 3. Two writers in one directory in the same second: two files, one run; each writes its own
    //    tags so the Python loader (which reads the files one after the other) shows them all.
    do {
        let run = "scalars/two_writers"
        let first = try SummaryWriter(logdir: logdir + "/" + run)
        let second = try SummaryWriter(logdir: logdir + "/" + run)
        for step in 0..<10 {
            let t = base + Double(step)
            try first.addScalar("first/value", Double(step), step: step, wallTime: t)
            try second.addScalar("second/value", Double(-step), step: step, wallTime: t)
            manifest.addScalar(run: run, tag: "first/value", wallTime: t, step: Int64(step), value: Double(step))
            manifest.addScalar(run: run, tag: "second/value", wallTime: t, step: Int64(step), value: Double(-step))
        }
        try first.close()
        try second.close()
        manifest.addFile(run: run, path: first.path)
        manifest.addFile(run: run, path: second.path)
    }

    // 4. A job that died at step 9 and resumed from step 6: the first attempt had no purge step
    //    (so no SessionLog START), the second has one. Both loaders must show 0-5 from the first
    //    attempt and 6-7 from the second.
    do {
        let run = "scalars/resumed"
        let first = try SummaryWriter(logdir: logdir + "/" + run)
        for step in 0..<10 {
            let t = base + Double(step)
            try first.addScalar("loss", Double(step), step: step, wallTime: t)
            manifest.addWrittenScalar(run: run, tag: "loss", wallTime: t, step: Int64(step), value: Double(step))
            if step < 6 { manifest.addScalar(run: run, tag: "loss", wallTime: t, step: Int64(step), value: Double(step)) }
        }
        try first.close()
        let second = try SummaryWriter(logdir: logdir + "/" + run, options: .init(purgeStep: 6))
        for step in 6..<8 {
            let t = base + 100 + Double(step)
            try second.addScalar("loss", 100 + Double(step), step: step, wallTime: t)
            manifest.addWrittenScalar(run: run, tag: "loss", wallTime: t, step: Int64(step), value: 100 + Double(step))
            manifest.addScalar(run: run, tag: "loss", wallTime: t, step: Int64(step), value: 100 + Double(step))
        }
        try second.close()
        manifest.addFile(run: run, path: first.path)
        manifest.addFile(run: run, path: second.path)
    }
}
