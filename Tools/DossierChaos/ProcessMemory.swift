import Foundation

/// Memory of a process as Linux reports it in `/proc/PID/status`, in KiB.
public struct ProcessMemory: Sendable, CustomStringConvertible {
    /// Resident set size: anonymous memory plus mapped file pages (LMDB's map) plus shared memory.
    public var residentKiB: Int
    /// The largest resident set size so far (`VmHWM`).
    public var peakResidentKiB: Int
    /// Anonymous resident memory (`RssAnon`): the heap and stacks, without the mapped log file.
    public var anonymousKiB: Int

    /// Reads `/proc/PID/status`; nil when the process is gone or the file is unreadable.
    public static func read(pid: Int32) -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var fields: [Substring: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            if let value { fields[parts[0]] = value }
        }
        guard let resident = fields["VmRSS"] else { return nil }
        return ProcessMemory(
            residentKiB: resident, peakResidentKiB: fields["VmHWM"] ?? resident, anonymousKiB: fields["RssAnon"] ?? resident)
    }

    public var description: String {
        "VmRSS \(Self.mebibytes(self.residentKiB)), RssAnon \(Self.mebibytes(self.anonymousKiB))"
    }

    public static func mebibytes(_ kibibytes: Int) -> String {
        String(format: "%.1f MiB", Double(kibibytes) / 1024)
    }
}
