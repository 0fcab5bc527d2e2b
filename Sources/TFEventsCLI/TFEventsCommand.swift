import ArgumentParser

/// `tfevents`: write, read, compare and follow TensorBoard event files from the shell.
@main
struct TFEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tfevents",
        abstract: "Write, read, compare and follow TensorBoard event files.",
        discussion: """
            Event files are what TensorBoard reads: `tensorboard --logdir DIR` shows every run below DIR.
            Start with `tfevents demo`, which writes a few runs to look at.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self,
            SummaryCommand.self,
            ReportCommand.self,
            Inspect.self,
            Log.self,
            Tail.self,
            Export.self,
            Reduce.self,
            Plot.self,
        ]
    )
}
