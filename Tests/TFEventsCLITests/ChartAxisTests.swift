import Testing

@testable import TFEventsCLI

@Suite struct ChartAxisTests {
    func labels(_ domain: ClosedRange<Double>, _ count: Int, _ format: AxisFormat = .number) -> [String] {
        ChartAxis(domain: domain, format: format).ticks(count: count).map(\.label)
    }

    @Test func linearTicksStepByOneTwoOrFiveTimesAPowerOfTen() {
        #expect(labels(0...1, 5) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(labels(0...0.3, 3) == ["0", "0.1", "0.2", "0.3"])  // never 0.30000000000000004
        #expect(labels(-1...1, 4) == ["-1", "-0.5", "0", "0.5", "1"])
        #expect(labels(0.013...0.087, 4) == ["0.02", "0.04", "0.06", "0.08"])
        #expect(labels(2.3...2.3, 4) == ["2.1", "2.2", "2.3", "2.4", "2.5"])  // one value: ±10%
        #expect(ChartAxis(domain: 0...1).ticks(count: 5).map(\.value) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
    }

    @Test func largeAndTinyValuesGetSuffixesAndExponents() {
        #expect(labels(0...2e6, 4) == ["0", "500k", "1M", "1.5M", "2M"])
        #expect(labels(0...5e-5, 5) == ["0", "1e-5", "2e-5", "3e-5", "4e-5", "5e-5"])
        #expect(labels(0...9000, 3) == ["0", "2000", "4000", "6000", "8000"])  // values: suffixes from 10,000
    }

    @Test func stepAxesCountInWholeStepsWithSISuffixes() {
        #expect(labels(0...25_000, 5, .count) == ["0", "5k", "10k", "15k", "20k", "25k"])
        #expect(labels(0...1_500, 3, .count) == ["0", "500", "1k", "1.5k"])
        #expect(labels(0...3, 10, .count) == ["0", "1", "2", "3"])
        #expect(labels(0...3e9, 3, .count) == ["0", "1G", "2G", "3G"])
    }

    @Test func logarithmicTicksAreDecadesWithTwoAndFiveWhenFew() {
        let few = ChartAxis(domain: 0.02...3, scale: .logarithmic).ticks(count: 5)
        #expect(few.map(\.label) == ["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"])
        let many = ChartAxis(domain: 1e-3...1e3, scale: .logarithmic).ticks(count: 5)
        #expect(many.map(\.label) == ["0.01", "1", "100"])
        let decades = ChartAxis(domain: 1...1e5, scale: .logarithmic).ticks(count: 8)
        #expect(decades.map(\.label) == ["1", "10", "100", "1000", "10k", "100k"])
    }

    @Test func logarithmicPositionsAreByDecade() throws {
        let axis = ChartAxis(domain: 1...100, scale: .logarithmic)
        #expect(axis.fraction(10) == 0.5)
        #expect(axis.position(100, from: 200, to: 0) == 0)
        #expect(axis.fraction(0) == nil && axis.fraction(-1) == nil && axis.fraction(.nan) == nil)
        // No positive value: a unit decade rather than a crash.
        #expect(ChartAxis(domain: -5 ... -1, scale: .logarithmic).domain == 1...10)
    }

    @Test func durationsReadAsSecondsMinutesHoursAndDays() {
        #expect(labels(0...7200, 4, .duration) == ["0", "30m", "1h", "1h 30m", "2h"])
        #expect(labels(0...50, 5, .duration) == ["0", "10s", "20s", "30s", "40s", "50s"])
        #expect(labels(0...(3 * 86_400), 3, .duration) == ["0", "1d", "2d", "3d"])
    }

    @Test func clockTicksFallOnWholeHoursOfTheZoneAndMidnightShowsTheDate() {
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        let utc = labels(1_700_000_000...1_700_000_000 + 4 * 3600, 4, .clock(utcOffset: 0))
        #expect(utc == ["23:00", "Nov 15", "01:00", "02:00"])
        let berlin = labels(1_700_000_000...1_700_000_000 + 4 * 3600, 4, .clock(utcOffset: 3600))
        #expect(berlin == ["Nov 15", "01:00", "02:00", "03:00"])
        #expect(LineChartData.zoneName(3600) == "UTC+01:00" && LineChartData.zoneName(-19_800) == "UTC-05:30")
    }

    @Test func svgNumbersAreRoundedToATenth() {
        #expect(SVGBuilder.number(12.34) == "12.3")
        #expect(SVGBuilder.number(5.0) == "5")
        #expect(SVGBuilder.number(-0.04) == "0")
        #expect(SVGBuilder.number(-1.26) == "-1.3")
        #expect(SVGBuilder.number(.nan) == "0")
        #expect(SVGBuilder.opacity(0.25) == "0.25" && SVGBuilder.opacity(0.3) == "0.3" && SVGBuilder.opacity(1) == "1")
    }
}
