import Foundation
import Testing
import TestSupport

@testable import TFEvents

@Suite struct VideoSummaryTests {
    /// Frames of a small moving gradient, `count` of them, in the given layout, with the HWC bytes
    /// each must decode to.
    static func movingGradient(
        count: Int, width: Int, height: Int, channels: Int, layout: ImageLayout
    ) throws -> (frames: [ImageData], hwc: [[UInt8]]) {
        var frames: [ImageData] = []
        var expected: [[UInt8]] = []
        for index in 0..<count {
            var hwc = [UInt8](repeating: 0, count: width * height * channels)
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<channels {
                        let value = (x + index) * 20 + y * 7 + c * 60
                        hwc[(y * width + x) * channels + c] = UInt8(truncatingIfNeeded: value)
                    }
                }
            }
            switch layout {
            case .hwc, .hw:
                frames.append(
                    try ImageData(pixels: hwc, width: width, height: height, channels: channels, layout: layout))
            case .chw:
                var chw = [Float](repeating: 0, count: hwc.count)
                for c in 0..<channels {
                    for pixel in 0..<(width * height) {
                        chw[c * width * height + pixel] = Float(hwc[pixel * channels + c]) / 255
                    }
                }
                frames.append(
                    try ImageData(pixels: chw, width: width, height: height, channels: channels, layout: .chw))
            }
            expected.append(hwc)
        }
        return (frames, expected)
    }

    @Test(arguments: [(ImageLayout.hwc, 3), (.hwc, 4), (.hw, 1), (.chw, 3), (.chw, 2)])
    func storesOneAnimatedPNGLikeAnImage(layout: ImageLayout, channels: Int) throws {
        let (frames, hwc) = try Self.movingGradient(count: 6, width: 9, height: 5, channels: channels, layout: layout)
        let value = try VideoSummary.value(tag: "rollout", frames: frames, framesPerSecond: 12, encoder: PNGEncoder())

        #expect(value.metadata == SummaryMetadata(pluginName: "images"))
        let tensor = try #require(WriterRoundTrip.tensor(value))
        #expect(tensor.dtype == .string)
        #expect(tensor.dimensions == [3])
        #expect(tensor.stringValues[0] == Array("9".utf8))
        #expect(tensor.stringValues[1] == Array("5".utf8))
        let decoded = try APNGTestDecoder.decode(tensor.stringValues[2])
        #expect(decoded.frames.map(\.pixels) == hwc)
        #expect(decoded.frames.allSatisfy { ($0.delayNumerator, $0.delayDenominator) == (1, 12) })
        #expect(decoded.still.channels == channels)
    }

    @Test func refusesWhatCannotBeOneVideo() throws {
        let frame = try ImageData(pixels: [UInt8](repeating: 0, count: 12), width: 2, height: 2, channels: 3)
        let wide = try ImageData(pixels: [UInt8](repeating: 0, count: 18), width: 3, height: 2, channels: 3)
        let rgba = try ImageData(pixels: [UInt8](repeating: 0, count: 16), width: 2, height: 2, channels: 4)
        let png = try ImageData(encoded: PNGEncoder().encode(pixels: [1, 2, 3, 4], width: 2, height: 2, channels: 1))
        func value(_ frames: [ImageData], fps: Double = 4) throws(SummaryWriterError) -> Summary.Value {
            try VideoSummary.value(tag: "v", frames: frames, framesPerSecond: fps, encoder: PNGEncoder())
        }
        #expect(throws: SummaryWriterError.invalidInput("video 'v' needs at least one frame, but none were given")) {
            try value([])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the frames of a video must share one size and channel count, but in 'v' frame 0 is 2 × 2 × 3 and "
                    + "frame 2 is 3 × 2 × 3 (width × height × channels)")
        ) {
            try value([frame, frame, wide])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the frames of a video must share one size and channel count, but in 'v' frame 0 is 2 × 2 × 3 and "
                    + "frame 1 is 2 × 2 × 4 (width × height × channels)")
        ) {
            try value([frame, rgba])
        }
        #expect(
            throws: SummaryWriterError.invalidInput(
                "the frames of video 'v' must be pixels, but frame 1 is an encoded image file")
        ) {
            try value([frame, png])
        }
        for fps in [0, -2, .nan, .infinity] as [Double] {
            #expect(throws: SummaryWriterError.self) { try value([frame], fps: fps) }
        }
    }

    @Test func theWriterRecordsAVideoThatTheReaderGivesBackAsAnImage() throws {
        let logdir = try makeTemporaryDirectory("video")
        defer { try? FileManager.default.removeItem(atPath: logdir) }
        let (frames, hwc) = try Self.movingGradient(count: 16, width: 8, height: 8, channels: 3, layout: .hwc)
        let writer = try SummaryWriter(logdir: logdir)
        try writer.addVideo("rollout", frames: frames, framesPerSecond: 29.97, step: Int16(7), wallTime: 3)
        #expect(throws: SummaryWriterError.self) {
            try writer.addVideo("rollout", frames: frames, framesPerSecond: 0, step: 8)
        }
        try writer.close()

        let run = try #require(try SummaryReader(logdir: logdir).contents().runs.first)
        let series = try #require(run.series(tag: "rollout"))
        #expect(series.series.kind == .images)
        #expect(series.points.map(\.step) == [7])
        guard case .images(let width, let height, let images)? = series.points.first?.value else {
            Issue.record("not an image point: \(String(describing: series.points.first?.value))")
            return
        }
        #expect((width, height, images.count) == (8, 8, 1))
        let decoded = try APNGTestDecoder.decode(images[0])
        #expect(decoded.frames.map(\.pixels) == hwc)
        #expect(decoded.frames.allSatisfy { ($0.delayNumerator, $0.delayDenominator) == (100, 2997) })
    }
}
