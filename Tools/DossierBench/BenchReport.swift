import Foundation

/// The figures of one run, in the order they are printed, with the baselines measured in the
/// same run.
public struct BenchReport: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var value: Double
        public var unit: String
        public var note: String
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func record(_ key: String, _ value: Double, unit: String = "events/s", note: String = "") {
        self.entries.append(Entry(key: key, value: value, unit: unit, note: note))
    }

    /// Each figure's median over `reports` (the upper one of an even count), in the first
    /// report's order; with more than one run, the note lists every run's value.
    public static func median(of reports: [BenchReport]) -> BenchReport {
        guard reports.count > 1, let first = reports.first else { return reports.first ?? BenchReport() }
        var median = BenchReport()
        for entry in first.entries {
            let values = reports.compactMap { $0[entry.key] }
            let sorted = values.sorted()
            let runs = values.map { $0 >= 100 ? String(format: "%.0f", $0) : String(format: "%.2f", $0) }
            let note = "median of \(values.count): " + runs.joined(separator: ", ")
                + (entry.note.isEmpty ? "" : "; first run: \(entry.note)")
            median.record(entry.key, sorted[sorted.count / 2], unit: entry.unit, note: note)
        }
        return median
    }

    mutating func record(_ key: String, _ rate: MeasuredRate) {
        self.record(key, rate.eventsPerSecond, note: rate.note)
    }

    public subscript(key: String) -> Double? { self.entries.first { $0.key == key }?.value }

    /// One JSON object: key -> number.
    public func json() -> String {
        let members = self.entries.map { entry -> String in
            let number = entry.value.rounded() == entry.value ? String(Int64(entry.value)) : String(format: "%.3f", entry.value)
            return "\"\(entry.key)\":\(number)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A table for people, with the ratios the performance targets are stated in.
    public func table() -> String {
        let width = (self.entries.map(\.key.count).max() ?? 10) + 2
        var lines = self.entries.map { entry -> String in
            let number = entry.value >= 100 ? String(format: "%.0f", entry.value) : String(format: "%.2f", entry.value)
            let padded = entry.key.padding(toLength: width, withPad: " ", startingAt: 0)
            let value = String(repeating: " ", count: max(0, 14 - number.count)) + number
            return "\(padded)\(value) \(entry.unit)\(entry.note.isEmpty ? "" : "  (\(entry.note))")"
        }
        func ratio(_ numerator: String, _ denominator: String, target: String) {
            guard let top = self[numerator], let bottom = self[denominator], bottom > 0 else { return }
            lines.append(String(format: "%@ / %@ = %.2f  (target %@)", numerator, denominator, top / bottom, target))
        }
        lines.append("")
        ratio("dossier_32_clients_eps", "raw_lmdb_batch1000_eps", target: ">= 0.8")
        ratio("dossier_32_clients_eps", "raw_lmdb_batch32_eps", target: "none; the batch 32 waiting clients can form")
        ratio("dossier_32_clients_eps", "sqlite_full_32_eps", target: ">= 10")
        ratio("dossier_32_clients_eps", "postgres_32_eps", target: ">= 3")
        ratio("dossier_32_clients_eps", "postgres_batch1000_eps", target: "moonshot >= 1")
        ratio("dossier_1_client_eps", "raw_lmdb_batch1_eps", target: ">= 0.9")
        ratio("import_events_eps", "raw_lmdb_batch1000_eps", target: ">= 0.7")
        ratio("dossier_1_client_eps", "sqlite_full_eps", target: "moonshot >= 1")
        ratio("journal_32_clients_eps", "dossier_32_clients_eps", target: "none; journal against lmdb, same run")
        ratio("journal_1_client_eps", "dossier_1_client_eps", target: "none; journal against lmdb, same run")
        ratio("journal_32_clients_eps", "postgres_32_eps", target: ">= 3")
        ratio("journal_32_clients_eps", "sqlite_full_32_eps", target: ">= 10")
        ratio("journal_1_client_eps", "raw_lmdb_batch1_eps", target: ">= 0.9")
        ratio("journal_pipelined_eps", "postgres_batch1000_eps", target: ">= 0.5")
        return lines.joined(separator: "\n")
    }
}

/// What a workload measured: events appended (or received) per second, and a note on how.
struct MeasuredRate {
    var eventsPerSecond: Double
    var note: String
}
