internal import Glibc

/// How many cores the process may run on: the processors online, or fewer when its affinity mask
/// says so (`taskset`, a container's CPU set), as `nproc` counts them. Everything that reads or
/// formats in parallel sizes itself by this, so `taskset -c 0` measures one core honestly.
package enum AvailableCores {
    package static let count: Int = {
        let online = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return allowedByAffinity.map { min($0, online) } ?? online
    }()

    /// The bits of `Cpus_allowed` in `/proc/self/status` (the affinity mask, in hexadecimal with
    /// commas), counted; `nil` when it cannot be read (`sched_getaffinity` is not in Swift's view
    /// of glibc).
    private static var allowedByAffinity: Int? {
        guard let status = try? FileSystem.contentsOfFile("/proc/self/status") else { return nil }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix("Cpus_allowed:") {
            let count = line.dropFirst("Cpus_allowed:".count).reduce(0) { total, digit in
                total + (digit.hexDigitValue?.nonzeroBitCount ?? 0)
            }
            return count > 0 ? count : nil
        }
        return nil
    }
}
