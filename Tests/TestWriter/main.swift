// A child process for the writer tests.
//
//   TestWriter exit-without-close LOGDIR COUNT   writes COUNT scalars, never closes, returns from main
//   TestWriter exit-call LOGDIR COUNT            the same, then calls exit(0)
import Foundation
import TFEvents

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: TestWriter exit-without-close|exit-call LOGDIR COUNT\n".utf8))
    exit(64)
}
// A long interval, so only the exit handler can have written the points.
let writer = try SummaryWriter(logdir: arguments[2], options: .init(flushInterval: .seconds(3600)))
for step in 0..<count {
    try writer.addScalar("value", Double(step), step: step, wallTime: 1_700_000_000 + Double(step))
}
print(writer.path)
switch arguments[1] {
case "exit-call":
    exit(0)
default:
    break  // returning from main runs the exit handlers too
}
