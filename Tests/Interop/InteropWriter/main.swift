// Writes the runs that Tests/Interop/check_tensorboard.py checks with a real TensorBoard, and a
// manifest of exactly what was written, value by value.
//
// Usage: InteropWriter LOGDIR MANIFEST.json [PNG_SAMPLES_DIR]
import Foundation
import TFEvents

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: InteropWriter LOGDIR MANIFEST.json [PNG_SAMPLES_DIR]\n".utf8))
    exit(64)
}
let logdir = arguments[1]
var manifest = Manifest()

try writeScalarRuns(logdir: logdir, manifest: &manifest)
try writeImageRuns(logdir: logdir, blobs: logdir + "/../blobs", manifest: &manifest)
try writeHistogramRuns(logdir: logdir, manifest: &manifest)
try writeTextRuns(logdir: logdir, manifest: &manifest)
try writeHParamsRuns(logdir: logdir, manifest: &manifest)
try writeAudioRuns(logdir: logdir, blobs: logdir + "/../blobs", manifest: &manifest)
try writeVideoRuns(logdir: logdir, blobs: logdir + "/../blobs", manifest: &manifest)
try writePRCurveRuns(logdir: logdir, manifest: &manifest)
try writeDoubleScalarRuns(logdir: logdir, manifest: &manifest)
try writeCustomScalarRuns(logdir: logdir, manifest: &manifest)
try writeMeshRuns(logdir: logdir, manifest: &manifest)
try writeEmbeddingRuns(logdir: logdir, manifest: &manifest)

if arguments.count == 4 {
    try writePNGSamples(to: arguments[3])
}

try manifest.json().write(toFile: arguments[2], atomically: true, encoding: .utf8)
print("wrote \(manifest.runCount) runs to \(logdir)")
