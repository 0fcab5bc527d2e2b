import Foundation
import TFEvents

/// Log directories for the report's browser check (`Tests/Interop/check_report.py`).
enum ReportLogdirs {
    /// `count` runs of a seed sweep, `lr_<rate>/seed_<n>` with four seeds per rate, each with its
    /// hyperparameters and three scalar tags over 50 steps: what a large sweep's report must handle.
    static func runs(_ logdir: String, count: Int) throws {
        for index in 0..<count {
            let rate = 0.001 * Double(index / 4 + 1)
            let seed = index % 4
            let writer = try SummaryWriter(logdir: "\(logdir)/lr_\(String(format: "%.3f", rate))/seed_\(seed)")
            try writer.addHParams(["learning_rate": .number(rate), "seed": .number(Double(seed)), "optimizer": "adam"])
            for step in 0..<50 {
                let t = Double(step)
                let noise = sin(Double(index * 7 + step) * 1.3) * 0.02
                let loss = 2 * exp(-t * rate * 4) + 0.05 + noise
                try writer.addScalars(
                    [("train/loss", loss), ("train/accuracy", 1 - loss / 2.2), ("eval/loss", loss * 1.1)], step: step * 10,
                    wallTime: 1_700_000_000 + Double(index) + t * 2)
            }
            try writer.close()
        }
    }

    /// A run, tags, hyperparameters and text made to break a page that does not escape them.
    static func hostile(_ logdir: String) throws {
        let payloads = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "a\u{2028}b&amp;<!--"]
        let writer = try SummaryWriter(logdir: logdir + "/" + payloads[0])
        try writer.addHParams([payloads[0]: .string(payloads[1]), "note": .string(payloads[2])])
        for (index, payload) in payloads.enumerated() {
            for step in 0..<20 {
                try writer.addScalar(payload, Double(step * (index + 1)) + (step == 7 ? .nan : 0), step: step)
            }
            // A tag has one kind in a run: text, images and histograms under tags of their own.
            try writer.addText("text/" + payload, "**\(payload)** <b>bold?</b>\n\n" + MarkdownTable(header: [payload, "x"], rows: [[payload, "1"]]).markdown, step: 3)
        }
        let pixels = [UInt8](repeating: 200, count: 8 * 8 * 3)
        try writer.addImage("images/" + payloads[1], try ImageData(pixels: pixels, width: 8, height: 8, channels: 3), step: 5)
        try writer.addHistogram("histograms/" + payloads[0], values: [1, 2, 3], step: 1)
        try writer.close()
        let nested = try SummaryWriter(logdir: logdir + "/</script>")
        try nested.addScalar(payloads[0], 1, step: 0)
        try nested.addScalar(payloads[0], 2, step: 1)
        try nested.close()
    }

    /// The log directory of `tfevents-bench scalars`: 10 runs × 10 tags, `count / 100` steps each.
    static func bench(_ logdir: String, count: Int) throws {
        let tags = (0..<10).map { "metrics/tag\($0)" }
        let writers = try (0..<10).map { try SummaryWriter(logdir: "\(logdir)/run\($0)") }
        for step in 0..<max(1, count / 100) {
            for writer in writers {
                for (index, tag) in tags.enumerated() {
                    try writer.addScalar(tag, Double(step) * 0.001 + Double(index), step: step)
                }
            }
        }
        for writer in writers { try writer.close() }
    }
}
