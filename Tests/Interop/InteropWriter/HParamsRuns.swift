import Foundation
import TFEvents

/// Hyperparameter runs: three sessions with different string, number and Boolean values (one
/// with an extra hyperparameter), metrics given to addHParams or logged later as scalars, and no
/// experiment summary, so TensorBoard must infer it. Their scalars go in the manifest's scalars
/// section too, since every scalar of a session run is a metric.
func writeHParamsRuns(logdir: String, manifest: inout Manifest) throws {
    let base = 1_700_000_000.0
    let sessions: [(run: String, hparams: [String: HParamValue], metrics: [String: Double], later: [Double])] = [
        (
            "hparams/adam_small", ["optimizer": "adam", "lr": 0.001, "batch": 32, "augment": true],
            ["hparam/accuracy": 0.93, "hparam/loss": 0.21], []
        ),
        (
            "hparams/sgd_large", ["optimizer": "sgd", "lr": 0.1, "batch": 256, "augment": false],
            ["hparam/loss": 0.5], [0.61, 0.7, 0.72]
        ),
        (
            "hparams/adam_dropout",
            ["optimizer": "adam", "lr": 0.0003, "batch": 64, "augment": true, "dropout": 0.25], [:], [0.8, 0.88]
        ),
    ]
    for (index, session) in sessions.enumerated() {
        let start = base + Double(index) * 100
        let writer = try SummaryWriter(logdir: logdir + "/" + session.run)
        try writer.addHParams(session.hparams, metrics: session.metrics, step: 0, wallTime: start)
        for (tag, value) in session.metrics.sorted(by: { $0.key < $1.key }) {
            manifest.addScalar(run: session.run, tag: tag, wallTime: start, step: 0, value: value)
        }
        // Accuracy logged during training; its last point is the metric's value.
        for (step, value) in session.later.enumerated() {
            let t = start + Double(step + 1)
            try writer.addScalar("hparam/accuracy", value, step: step + 1, wallTime: t)
            manifest.addScalar(
                run: session.run, tag: "hparam/accuracy", wallTime: t, step: Int64(step + 1), value: value)
        }
        let closing = Date().timeIntervalSince1970
        try writer.close()
        let closed = Date().timeIntervalSince1970
        manifest.addFile(run: session.run, path: writer.path)

        let hparams = session.hparams.sorted { $0.key < $1.key }.map { (name, value) -> (String, JSON) in
            switch value {
            case .string(let string): return (name, .string(string))
            case .number(let number): return (name, .number(number))
            case .bool(let bool): return (name, .bool(bool))
            }
        }
        manifest.append(
            run: session.run, section: "hparams", tag: "_hparams_/session_start_info",
            .object([
                ("hparams", .object(hparams)), ("start_time", .number(start)),
                ("end_window", .array([.number(closing), .number(closed)])), ("status", .string("STATUS_SUCCESS")),
            ]))
    }
}
