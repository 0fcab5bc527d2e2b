import ArgumentParser
import Foundation
import TFEvents

extension TFEventsCommand {
    /// `tfevents demo [DIR]`: writes a realistic set of runs to look at in TensorBoard.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a demo log directory: three training runs to view in TensorBoard.",
            discussion: """
                Writes runs that sweep the learning rate of a small simulated training job: loss,
                accuracy and learning-rate curves over 300 steps each.

                Example:
                  tfevents demo runs/demo && tensorboard --logdir runs/demo
                """
        )

        @Argument(help: "The log directory to write the runs into.")
        var directory: String = "runs/demo"

        @Option(help: "The number of training steps per run.")
        var steps: Int = 300

        @Option(help: "The seed of the simulated noise, so that runs can be reproduced.")
        var seed: UInt64 = 42

        func validate() throws {
            guard steps >= 1 && steps <= 1_000_000 else {
                throw ValidationError("--steps must be between 1 and 1000000, got \(steps).")
            }
        }

        func run() throws {
            let runs = try DemoRun.writeAll(into: directory, steps: steps, seed: seed)
            print("Wrote \(runs.count) runs to \(directory):")
            let nameWidth = runs.map(\.name.count).max() ?? 0
            for run in runs {
                let name = run.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                print(
                    "  \(name)  steps \(run.steps)  validation loss \(format(run.finalLoss))  "
                        + "validation accuracy \(format(run.finalAccuracy))")
            }
            print("View them with:\n  tensorboard --logdir \(directory)")
        }

        private func format(_ value: Double) -> String {
            String(format: "%.4f", value)
        }
    }
}
