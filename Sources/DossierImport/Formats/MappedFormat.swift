import DossierCore
import DossierFoundation
import DossierProtocol

/// Any other CSV, described by a mapping file that names the column of each field
/// (`config/import/mapped-example.toml`): a customer per row, and as the file has them a limit,
/// a rating, flags from numeric columns, and a complaint.
public struct MappedFormat: ImportFormat {
    public let kind = "mapped"
    public var source: String
    public var dayOrder: SpreadsheetValues.DayOrder
    /// Column names, as the file's header writes them.
    public var keyColumn: String
    public var customer: Customer
    public var limit: Limit?
    public var rating: Rating?
    public var flags: [Flag]
    public var complaint: Complaint?

    public struct Customer: Sendable {
        public var idColumn: String
        public var idPrefix: String
        public var nameColumn: String
        public var kind: CustomerKind
    }

    public struct Limit: Sendable {
        public var amountColumn: String
        public var currency: String?
        public var kind: CreditKind
        public var mode: CreditMode
        public var validFromColumn: String?
        public var validToColumn: String?
        public var basis: String
    }

    public struct Rating: Sendable {
        public var scale: String
        public var gradeColumn: String
        public var effectiveOnColumn: String
        public var grades: [String: String]
    }

    /// A flag raised when a numeric column holds at least `atLeast`.
    public struct Flag: Sendable {
        public var column: String
        public var atLeast: ExactDecimal
        public var kind: FlagKind
        public var observedOnColumn: String?
    }

    public struct Complaint: Sendable {
        public var subjectColumn: String
        public var receivedColumn: String
        public var descriptionColumn: String?
        public var type: ComplaintType
        public var channel: ComplaintChannel
        public var level: ComplaintLevel
    }

    /// Every column the mapping names: the header must have them all.
    var namedColumns: [String] {
        var names = [self.keyColumn, self.customer.idColumn, self.customer.nameColumn]
        if let limit = self.limit { names += [limit.amountColumn] + [limit.validFromColumn, limit.validToColumn].compactMap { $0 } }
        if let rating = self.rating { names += [rating.gradeColumn, rating.effectiveOnColumn] }
        names += self.flags.flatMap { [$0.column] + [$0.observedOnColumn].compactMap { $0 } }
        if let complaint = self.complaint {
            names += [complaint.subjectColumn, complaint.receivedColumn] + [complaint.descriptionColumn].compactMap { $0 }
        }
        return names
    }

    public var expectedColumns: String { self.namedColumns.joined(separator: ", ") }

    public func columns(of header: [String]) -> [String: Int]? {
        ColumnAliases(self.namedColumns.map { ($0, [$0]) }, required: Set(self.namedColumns)).columns(of: header)
    }

    public func map(_ row: SourceRow) throws(RowProblem) -> ImportRowParams {
        let key = try self.text(row, self.keyColumn)
        let id = try self.text(row, self.customer.idColumn)
        var params = ImportRowParams(
            key: key, line: row.line,
            customer: RegisterCustomerParams(
                id: StableID.customerID(prefix: self.customer.idPrefix, from: id),
                name: String(try self.text(row, self.customer.nameColumn).prefix(200)), kind: self.customer.kind))
        if let limit = self.limit {
            let text = try self.text(row, limit.amountColumn)
            guard let amount = SpreadsheetValues.decimal(text) else {
                throw RowProblem(column: limit.amountColumn, "\"\(text)\" is not an amount")
            }
            params.limit = ImportedLimitParams(
                amount: amount, currency: limit.currency, kind: limit.kind, mode: limit.mode,
                validFrom: try self.date(row, optional: limit.validFromColumn),
                validTo: try self.date(row, optional: limit.validToColumn), basis: limit.basis)
        }
        if let rating = self.rating {
            let written = try self.text(row, rating.gradeColumn)
            params.rating = ImportedRating(
                scale: rating.scale, grade: rating.grades[written] ?? written,
                effectiveOn: try self.date(row, rating.effectiveOnColumn), note: "\(self.source): \(written)")
        }
        var flags: [ImportedFlag] = []
        for flag in self.flags {
            let text = row.value(flag.column) ?? ""
            guard !text.isEmpty else { continue }
            guard let value = SpreadsheetValues.decimal(text) else {
                throw RowProblem(column: flag.column, "\"\(text)\" is not a number")
            }
            guard value >= flag.atLeast else { continue }
            flags.append(
                ImportedFlag(
                    kind: flag.kind, detail: "\(flag.column) = \(text)",
                    observedOn: try self.date(row, optional: flag.observedOnColumn)))
        }
        params.flags = flags.isEmpty ? nil : flags
        if let complaint = self.complaint {
            params.complaint = ImportedComplaintParams(
                type: complaint.type, channel: complaint.channel, level: complaint.level,
                subject: String(try self.text(row, complaint.subjectColumn).prefix(200)),
                description: complaint.descriptionColumn.flatMap { row.value($0) },
                receivedOn: try self.date(row, complaint.receivedColumn), externalId: key)
        }
        return params
    }

    public func effectiveDay(of row: ImportRowParams) -> Int? { row.rating?.effectiveOn.daysSince1970 }

    /// Ratings supersede one another: a file that has them is applied in date order.
    public var appliesInDateOrder: Bool { self.rating != nil }

    private func text(_ row: SourceRow, _ column: String) throws(RowProblem) -> String {
        guard let value = row.value(column), !value.isEmpty else { throw RowProblem(column: column, "is empty") }
        return value
    }

    private func date(_ row: SourceRow, optional column: String?) throws(RowProblem) -> LocalDate? {
        guard let column else { return nil }
        return try self.date(row, column)
    }

    private func date(_ row: SourceRow, _ column: String) throws(RowProblem) -> LocalDate {
        let text = try self.text(row, column)
        guard let day = SpreadsheetValues.date(text, order: self.dayOrder) else {
            throw RowProblem(column: column, "\"\(text)\" is not a date")
        }
        return day
    }
}
