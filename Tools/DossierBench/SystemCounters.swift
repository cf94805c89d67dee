import Foundation

/// Counters the kernel keeps for this process.
enum SystemCounters {
    /// Bytes this process caused to be written to storage (`/proc/self/io` write_bytes).
    static func writtenBytes() -> UInt64 {
        Self.field("write_bytes", in: "/proc/self/io") ?? 0
    }

    /// Peak resident memory in MiB (`VmHWM`).
    static func peakResidentMiB() -> Double {
        Double(Self.field("VmHWM", in: "/proc/self/status") ?? 0) / 1024
    }

    private static func field(_ name: String, in path: String) -> UInt64? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return UInt64(digits)
        }
        return nil
    }

    static func fileSize(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}

/// Runs `body` repeatedly until `seconds` have passed; returns operations per second.
func measureRate(seconds: Double, _ body: () throws -> Int) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(seconds * 1e9)
    var operations = 0
    var now = start
    repeat {
        operations += try body()
        now = DispatchTime.now().uptimeNanoseconds
    } while now < deadline
    return Double(operations) / (Double(now - start) / 1e9)
}

/// A fresh temporary directory per workload, removed afterwards.
func withScratchDirectory<R>(_ configuration: BenchConfiguration, _ name: String, _ body: (String) throws -> R) rethrows -> R {
    let path = "\(configuration.scratchDirectory)/dossier-bench-\(name)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

func progress(_ configuration: BenchConfiguration, _ message: String) {
    if configuration.verbose { FileHandle.standardError.write(Data("bench: \(message)\n".utf8)) }
}
