import DossierCore
import DossierProtocol
import Foundation

/// `dossier complaint stats`: the figures as a table with terminal bar charts, or as CSV.
enum StatisticsRendering {
    /// The sections of counts, in the order they are shown.
    static func sections(_ statistics: ComplaintStatistics) -> [(title: String, counts: [(String, Int)])] {
        func ordered(_ counts: [String: Int], _ order: [String]) -> [(String, Int)] {
            order.compactMap { key in counts[key].map { (key, $0) } }
                + counts.filter { !order.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        return [
            ("by type", ordered(statistics.byType, ComplaintType.allCases.map(\.rawValue))),
            ("by channel", ordered(statistics.byChannel, ComplaintChannel.allCases.map(\.rawValue))),
            ("by level", ordered(statistics.byLevel, ComplaintLevel.allCases.map(\.rawValue))),
            ("by unit", ordered(statistics.byUnit, [])),
            ("by state", ordered(statistics.byState, ComplaintStatus.allCases.map(\.rawValue))),
            ("satisfaction at revisit", ordered(statistics.revisitSatisfaction, Satisfaction.allCases.map(\.rawValue))),
        ]
    }

    static func rate(_ rate: ComplaintStatistics.Rate) -> String {
        guard let percent = rate.percent else { return "n/a (none measured)" }
        return "\(percent)% (\(rate.onTime) of \(rate.measured))"
    }

    static func text(_ result: ComplaintStatisticsResult) -> String {
        let statistics = result.statistics
        var lines = [
            "complaints received \(statistics.from) to \(statistics.to): \(statistics.total)"
                + (statistics.reportDueBy.map { " (report due by \($0))" } ?? ""),
            "response on time:   \(Self.rate(statistics.response))",
            "resolution on time: \(Self.rate(statistics.resolution))",
            "anonymous: \(statistics.anonymous), group incidents: \(statistics.groupIncidents)",
        ]
        for (title, counts) in Self.sections(statistics) where !counts.isEmpty {
            lines.append("")
            lines.append(title)
            let width = counts.map { TextTable.displayWidth($0.0) }.max() ?? 0
            let largest = counts.map(\.1).max() ?? 1
            for (key, value) in counts {
                let bar = String(repeating: "█", count: max(1, value * 40 / max(largest, 1)))
                lines.append(
                    "  " + key + String(repeating: " ", count: width - TextTable.displayWidth(key))
                        + "  \(String(repeating: " ", count: max(0, 5 - String(value).count)))\(value)  \(bar)")
            }
        }
        lines.append("")
        if statistics.repeatComplainers.isEmpty {
            lines.append("repeat complainers: none")
        } else {
            lines.append("repeat complainers")
            for complainer in statistics.repeatComplainers {
                lines.append("  \(complainer.customer)  \(complainer.complaints) complaints")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `section,key,value` lines with a header, for a spreadsheet.
    static func csv(_ statistics: ComplaintStatistics) -> String {
        var lines = ["section,key,value", "period,from,\(statistics.from)", "period,to,\(statistics.to)"]
        if let due = statistics.reportDueBy { lines.append("period,report_due_by,\(due)") }
        lines.append("total,complaints,\(statistics.total)")
        for (name, rate) in [("response", statistics.response), ("resolution", statistics.resolution)] {
            lines.append("\(name),measured,\(rate.measured)")
            lines.append("\(name),on_time,\(rate.onTime)")
            lines.append("\(name),percent,\(rate.percent.map { String($0) } ?? "")")
        }
        for (title, counts) in Self.sections(statistics) {
            let section = title.replacingOccurrences(of: " ", with: "_")
            for (key, value) in counts { lines.append("\(section),\(Self.field(key)),\(value)") }
        }
        for complainer in statistics.repeatComplainers {
            lines.append("repeat_complainers,\(Self.field(complainer.customer.rawValue)),\(complainer.complaints)")
        }
        return lines.joined(separator: "\n")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
