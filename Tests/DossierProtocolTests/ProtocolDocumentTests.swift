import DossierCore
import DossierProtocol
import Foundation
import Testing

/// docs/PROTOCOL.md is the protocol's reference: these tests hold it to the code, so that a
/// method, a parameter, a role or a rule cannot change in one place only.
@Suite("docs/PROTOCOL.md matches the code")
struct ProtocolDocumentTests {
    static let document: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/PROTOCOL.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The text of the section `### name`, up to the next heading of level 2 or 3.
    static func section(_ name: String) -> String? {
        let lines = Self.document.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "### \(name)") else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") || $0.hasPrefix("### ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// The rows of the first table in `text` whose header starts with `| first |`, as cells.
    static func tableRows(in text: String, firstColumn: String) -> [[String]] {
        var rows: [[String]] = []
        var inTable = false
        for line in text.split(separator: "\n") {
            // `\|` inside a cell is an escaped pipe, not a cell boundary.
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}")
                .split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{1}", with: "|") }
            if line.hasPrefix("| \(firstColumn) |") {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { break }
            if let first = cells.first, !first.isEmpty, first.allSatisfy({ $0 == "-" }) { continue }
            rows.append(cells)
        }
        return rows
    }

    static func roles(_ method: Method) -> String {
        Set(method.roles) == Set(Role.allCases) ? "all" : method.roles.map(\.rawValue).joined(separator: ", ")
    }

    @Test func theDocumentWasFound() {
        #expect(Self.document.contains("# Dossier wire protocol"))
    }

    @Test func theMethodTableListsEveryMethodWithItsSummaryAndRoles() {
        let rows = Self.tableRows(in: Self.document, firstColumn: "method")
        let documented = Dictionary(
            rows.compactMap { row -> (String, [String])? in
                guard let name = row.first?.firstMatch(of: /`([a-z]+\.[a-z-]+)`/)?.1 else { return nil }
                return (String(name), row)
            }, uniquingKeysWith: { first, _ in first })
        #expect(Set(documented.keys) == Set(Method.all.map(\.name)))
        for method in Method.all {
            guard let row = documented[method.name] else { continue }
            #expect(row[0] == "[`\(method.name)`](#\(method.name.replacingOccurrences(of: ".", with: "")))", "\(method.name)")
            #expect(row[1] == method.summary, "\(method.name)")
            #expect(row[2] == Self.roles(method), "\(method.name)")
        }
    }

    @Test(arguments: Method.all)
    func eachMethodHasASectionWithItsParameters(method: Method) throws {
        let section = try #require(Self.section(method.name), "no ### \(method.name) section")
        if method.parameters.isEmpty {
            #expect(section.contains("Params: none."), "\(method.name)")
            return
        }
        let rows = Self.tableRows(in: section, firstColumn: "param")
        #expect(rows.map { $0[0] } == method.parameters.map { "`\($0.name)`" }, "\(method.name)")
        for (row, parameter) in zip(rows, method.parameters) {
            #expect(row.count >= 4, "\(method.name) \(parameter.name)")
            #expect(row[2] == (parameter.required ? "yes" : "no"), "\(method.name) \(parameter.name)")
        }
    }

    @Test func everyRuleIsDocumentedWithItsSummaryAndDetails() throws {
        let section = try #require(Self.document.range(of: "## Rules").map { String(Self.document[$0.lowerBound...]) })
        let rows = Self.tableRows(in: section, firstColumn: "rule")
        #expect(rows.map { $0[0] } == RuleCatalog.all.map { "`\($0.id)`" })
        for (row, rule) in zip(rows, RuleCatalog.all) {
            #expect(row[1] == rule.summary, "\(rule.id)")
            #expect(row[2] == (rule.detailKeys.isEmpty ? "none" : rule.detailKeys.map { "`\($0)`" }.joined(separator: ", ")))
        }
    }

    @Test func everyErrorCodeIsDocumented() {
        let rows = Self.tableRows(in: Self.document, firstColumn: "code")
        #expect(rows.map { $0[0] } == ErrorCode.all.map { "`\($0.rawValue)`" })
    }
}
