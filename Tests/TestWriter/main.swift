// A child process for the writer tests.
//
//   TestWriter exit-without-close LOGDIR COUNT   writes COUNT scalars, never closes, returns from main
//   TestWriter exit-call LOGDIR COUNT            the same, then calls exit(0)
//   TestWriter scalars LOGDIR COUNT              writes COUNT scalars under the tag "process/<pid>"
//                                                (value = step, wall time 1.7e9 + step) and closes
//   TestWriter flush-loop LOGDIR FLUSH_EVERY     writes scalars (and an image every 10 steps) until
//                                                killed, calling flush() every FLUSH_EVERY steps and
//                                                then printing "flushed STEP" (all steps <= STEP are
//                                                on disk once that line is out)
//   TestWriter default-logdir COMMENT COUNT      writes COUNT scalars with SummaryWriter(comment:), in
//                                                runs/ below the current directory; prints the logdir
//   TestWriter report-runs LOGDIR COUNT          COUNT runs of a seed sweep (ReportLogdirs.runs)
//   TestWriter report-hostile LOGDIR 1           a run, tags, text and hparams named to break HTML
//   TestWriter report-bench LOGDIR COUNT         tfevents-bench's scalar log directory, COUNT scalars
import Foundation
import TFEvents

/// Writes a line to standard output at once (unbuffered), so it is out before any kill.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(
        Data(
            "usage: TestWriter exit-without-close|exit-call|scalars|flush-loop|default-logdir|report-runs|report-hostile|report-bench LOGDIR|COMMENT COUNT\n"
                .utf8))
    exit(64)
}

switch arguments[1] {
case "report-runs":
    try ReportLogdirs.runs(arguments[2], count: count)
case "report-hostile":
    try ReportLogdirs.hostile(arguments[2])
case "report-bench":
    try ReportLogdirs.bench(arguments[2], count: count)
case "default-logdir":
    let writer = try SummaryWriter(comment: arguments[2])
    for step in 0..<count {
        try writer.addScalar("value", Double(step), step: step, wallTime: 1_700_000_000 + Double(step))
    }
    try writer.close()
    emit(writer.logdir)
case "scalars":
    let writer = try SummaryWriter(logdir: arguments[2])
    let tag = "process/\(getpid())"
    for step in 0..<count {
        try writer.addScalar(tag, Double(step), step: step, wallTime: 1_700_000_000 + Double(step))
    }
    try writer.close()
    emit(tag + " " + writer.path)
case "flush-loop":
    let writer = try SummaryWriter(logdir: arguments[2], options: .init(flushInterval: .milliseconds(20)))
    emit(writer.path)
    let pixels = (0..<(16 * 16 * 3)).map { UInt8(truncatingIfNeeded: $0) }
    var step = 0
    while true {
        try writer.addScalar("value", Double(step), step: step, wallTime: 1_700_000_000 + Double(step))
        if step % 10 == 0 {
            try writer.addImage("image", ImageData(pixels: pixels, width: 16, height: 16, channels: 3), step: step)
        }
        if step % count == count - 1 {
            try writer.flush()
            emit("flushed \(step)")
        }
        step += 1
    }
default:
    // A long interval, so only the exit handler can have written the points.
    let writer = try SummaryWriter(logdir: arguments[2], options: .init(flushInterval: .seconds(3600)))
    for step in 0..<count {
        try writer.addScalar("value", Double(step), step: step, wallTime: 1_700_000_000 + Double(step))
    }
    print(writer.path)
    if arguments[1] == "exit-call" {
        exit(0)
    }
    // Returning from main runs the exit handlers too.
}
