import DossierCore
import DossierProtocol

/// The monthly complaint report as one self-contained HTML page: key figures, SVG bar charts
/// with their numbers written on them, and tables; styled to print on A4 (each chart kept on
/// one page) so that "print to PDF" gives the report to file by the 10th of the next month.
enum ComplaintReport {
    static func html(_ result: ComplaintStatisticsResult, month: String) -> String {
        let statistics = result.statistics
        var body = """
            <header>
            <h1>Complaint report \(Self.escape(month))</h1>
            <p class="period">Complaints received \(statistics.from) to \(statistics.to).\
            \(statistics.reportDueBy.map { " Report due by \($0)." } ?? "") Figures as of \(result.asOf.iso8601).</p>
            </header>
            <section class="figures">
            \(Self.figure("Complaints", String(statistics.total)))
            \(Self.figure("Response on time", Self.percent(statistics.response)))
            \(Self.figure("Resolution on time", Self.percent(statistics.resolution)))
            \(Self.figure("Repeat complainers", String(statistics.repeatComplainers.count)))
            \(Self.figure("Group incidents", String(statistics.groupIncidents)))
            \(Self.figure("Anonymous", String(statistics.anonymous)))
            </section>

            """
        body += """
            <section class="rates">
            <h2>On-time rates</h2>
            <table><thead><tr><th>clock</th><th>measured</th><th>on time</th><th>rate</th></tr></thead><tbody>
            <tr><td>response</td><td>\(statistics.response.measured)</td><td>\(statistics.response.onTime)</td><td>\(Self.percent(statistics.response))</td></tr>
            <tr><td>resolution</td><td>\(statistics.resolution.measured)</td><td>\(statistics.resolution.onTime)</td><td>\(Self.percent(statistics.resolution))</td></tr>
            </tbody></table>
            </section>

            """
        for (title, counts) in StatisticsRendering.sections(statistics) {
            let heading =
                title.hasPrefix("by ") ? "Complaints \(title)" : title.prefix(1).uppercased() + title.dropFirst()
            body += "<section class=\"chart\">\n<h2>\(Self.escape(heading))</h2>\n"
            body += counts.isEmpty ? "<p>none</p>\n" : Self.barChart(title: title, counts) + "\n"
            body += "</section>\n"
        }
        body += "<section class=\"repeat\">\n<h2>Repeat complainers</h2>\n"
        if statistics.repeatComplainers.isEmpty {
            body += "<p>none</p>\n"
        } else {
            body += "<table><thead><tr><th>customer</th><th>complaints</th></tr></thead><tbody>\n"
            for complainer in statistics.repeatComplainers {
                body +=
                    "<tr><td>\(Self.escape(complainer.customer.rawValue))</td><td>\(complainer.complaints)</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "</section>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Complaint report \(Self.escape(month))</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 24px; }
            h1 { font-size: 22pt; margin: 0 0 4px; }
            h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #999; }
            .period { color: #444; margin: 0 0 12px; }
            .figures { display: flex; flex-wrap: wrap; gap: 10px; }
            .figure { border: 1px solid #bbb; border-radius: 4px; padding: 8px 12px; min-width: 120px; }
            .figure .value { font-size: 18pt; font-weight: bold; }
            .figure .label { font-size: 9pt; color: #444; }
            table { border-collapse: collapse; margin: 6px 0; }
            th, td { border: 1px solid #bbb; padding: 3px 10px; text-align: left; font-size: 10pt; }
            section { break-inside: avoid; page-break-inside: avoid; }
            svg text { font-family: inherit; font-size: 11px; }
            @media print { body { margin: 0; } .figure { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func figure(_ label: String, _ value: String) -> String {
        "<div class=\"figure\"><div class=\"value\">\(Self.escape(value))</div><div class=\"label\">\(Self.escape(label))</div></div>"
    }

    static func percent(_ rate: ComplaintStatistics.Rate) -> String { rate.percent.map { "\($0)%" } ?? "n/a" }

    /// A horizontal bar chart: one row per key, the bar's length in proportion to the largest
    /// count, the count written after the bar.
    static func barChart(title: String, _ counts: [(String, Int)]) -> String {
        let rowHeight = 22
        let labelWidth = 150
        let barWidth = 360
        let height = counts.count * rowHeight + 8
        let largest = max(1, counts.map(\.1).max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" "
            + "role=\"img\" aria-label=\"complaints \(Self.escape(title))\">\n"
        for (index, (key, value)) in counts.enumerated() {
            let y = index * rowHeight + 4
            let width = max(2, value * barWidth / largest)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(Self.escape(key))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 8)\" fill=\"#3b6ea5\"/>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(value)</text>\n"
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
