// libFuzzer's entry point: every input goes through FuzzHarness (see its documentation), which
// traps on any disagreement between the fast paths and protobuf-c or between the reader's ways of
// delivering a run; AddressSanitizer catches memory errors and leaks, libFuzzer hangs (-timeout)
// and runaway memory (-rss_limit_mb).
//
// Scripts/fuzz.sh builds this with -DFUZZING and -sanitize=fuzzer,address. Any other build (a
// plain `swift build`) makes a stub that only says how to fuzz, so the package builds without
// libFuzzer.
#if FUZZING
import TFEventsFuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("TFEventsFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzzOneInput(data, size)
    }
}
#else
@main
enum FuzzStub {
    static func main() {
        print("This is a stub: Scripts/fuzz.sh builds the fuzzer (with -DFUZZING and libFuzzer).")
    }
}
#endif
