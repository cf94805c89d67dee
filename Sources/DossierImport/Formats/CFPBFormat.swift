import DossierCore
import DossierProtocol

/// The CFPB consumer complaint database (`Date received, Product, ..., Complaint ID`): each row
/// is a complaint, filed for a customer that stands for the consumers of that company in that
/// ZIP code (the database names no consumer): a stable id made from company and ZIP.
public struct CFPBFormat: ImportFormat {
    public let kind = "cfpb"
    public var source: String
    public var dayOrder: SpreadsheetValues.DayOrder
    public var customerPrefix: String
    public var customerKind: CustomerKind
    public var level: ComplaintLevel
    /// The receiving unit's code; nil: the daemon's default unit.
    public var unit: String?
    /// "Submitted via" -> channel; anything else gets `defaultChannel`.
    public var channels: [String: ComplaintChannel]
    public var defaultChannel: ComplaintChannel
    /// Rules in order, the first whose text the row's issue (or product) contains gives the
    /// type; none: `defaultType`.
    public var typeRules: [TypeRule]
    public var defaultType: ComplaintType
    /// Company responses that ended the complaint: it is closed when imported.
    public var closingResponses: Set<String>
    /// Channels whose complaints came through a third party (referrals).
    public var indirectChannels: Set<String>

    public struct TypeRule: Hashable, Sendable {
        public enum Field: String, Hashable, Sendable, CaseIterable { case issue, product, subIssue = "sub_issue" }
        public var field: Field
        /// Compared without case.
        public var contains: String
        public var type: ComplaintType
    }

    static let columnAliases = ColumnAliases(
        [
            ("received", ["Date received"]), ("product", ["Product"]), ("subProduct", ["Sub-product"]),
            ("issue", ["Issue"]), ("subIssue", ["Sub-issue"]),
            ("narrative", ["Consumer complaint narrative"]), ("company", ["Company"]), ("state", ["State"]),
            ("zip", ["ZIP code", "Zip code", "ZIP"]), ("via", ["Submitted via"]),
            ("sent", ["Date sent to company"]), ("response", ["Company response to consumer"]),
            ("timely", ["Timely response?"]), ("disputed", ["Consumer disputed?"]), ("id", ["Complaint ID"]),
        ], required: ["received", "product", "issue", "company", "id"])

    public var expectedColumns: String { "Date received, Product, Issue, Company, Complaint ID" }

    public func columns(of header: [String]) -> [String: Int]? { Self.columnAliases.columns(of: header) }

    public func map(_ row: SourceRow) throws(RowProblem) -> ImportRowParams {
        let id = row.value("id") ?? ""
        guard !id.isEmpty, id.count <= 64 else { throw RowProblem(column: row.headerName("id"), "no complaint id") }
        let key = SpreadsheetValues.integer(id).map(String.init) ?? id
        let receivedText = row.value("received") ?? ""
        guard let received = SpreadsheetValues.date(receivedText, order: self.dayOrder) else {
            throw RowProblem(column: row.headerName("received"), "\"\(receivedText)\" is not a date")
        }
        var sent: LocalDate?
        if let text = row.value("sent"), !text.isEmpty {
            guard let day = SpreadsheetValues.date(text, order: self.dayOrder) else {
                throw RowProblem(column: row.headerName("sent"), "\"\(text)\" is not a date")
            }
            sent = day
        }
        let company = row.value("company") ?? ""
        guard !company.isEmpty else { throw RowProblem(column: row.headerName("company"), "no company") }
        let zip = SpreadsheetValues.zip(row.value("zip") ?? "")
        let state = row.value("state") ?? ""
        let product = row.value("product") ?? ""
        let issue = row.value("issue") ?? ""
        let subject = String((issue.isEmpty ? product : issue).prefix(200))
        guard !subject.isEmpty else { throw RowProblem(column: row.headerName("issue"), "no issue and no product") }
        let via = row.value("via") ?? ""
        let response = row.value("response") ?? ""
        let name = "Consumers of \(company)" + (zip.isEmpty ? "" : " in \([state, zip].filter { !$0.isEmpty }.joined(separator: " "))")
        let complaint = ImportedComplaintParams(
            type: self.type(product: product, issue: issue, subIssue: row.value("subIssue") ?? ""),
            channel: self.channels[via] ?? self.defaultChannel, level: self.level, subject: subject,
            description: Self.description(row), unit: self.unit, receivedOn: received, externalId: key,
            indirect: self.indirectChannels.contains(via), outcome: response.isEmpty ? nil : response,
            closed: self.closingResponses.contains(response), closedOn: sent,
            timely: row.value("timely").flatMap(SpreadsheetValues.bool),
            disputed: row.value("disputed").flatMap(SpreadsheetValues.bool))
        return ImportRowParams(
            key: key, line: row.line,
            customer: RegisterCustomerParams(
                id: self.customerPrefix + StableID.hex(company.lowercased() + "|" + zip), name: String(name.prefix(200)),
                kind: self.customerKind),
            complaint: complaint)
    }

    func type(product: String, issue: String, subIssue: String) -> ComplaintType {
        let texts: [TypeRule.Field: String] = [
            .issue: issue.lowercased(), .product: product.lowercased(), .subIssue: subIssue.lowercased(),
        ]
        return self.typeRules.first { texts[$0.field]?.contains($0.contains.lowercased()) == true }?.type
            ?? self.defaultType
    }

    /// The narrative, with what the database adds around it (product detail, tags) when given;
    /// cut at the 10,000 characters a complaint's description may hold.
    static func description(_ row: SourceRow) -> String {
        var parts: [String] = []
        if let narrative = row.value("narrative"), !narrative.isEmpty { parts.append(narrative) }
        for column in ["subProduct", "subIssue"] {
            if let value = row.value(column), !value.isEmpty { parts.append("\(row.headerName(column)): \(value)") }
        }
        let text = parts.joined(separator: "\n")
        return text.count <= 10_000 ? text : String(text.prefix(9_980)) + " [cut at 10000]"
    }
}
