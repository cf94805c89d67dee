import DossierCore
import DossierFoundation
import DossierProtocol

/// Corporate credit ratings with financial ratios (`Rating Agency Name, Corporation, Rating,
/// Date, CIK, Sector, ...` or `Rating Agency, Corporation, Rating, Rating Date, CIK, ...,
/// Ticker`): a corporate customer per company (by CIK when the row has one) and its rating on
/// the agency scale, which the daemon's policy maps onto the corporate scale
/// (`policy.ratings.scales` `maps_to`). Rows are applied in date order, so that each rating
/// supersedes the one before it and the history, upgrades and downgrades come out right.
public struct AgencyRatingsFormat: ImportFormat {
    public let kind = "agency-ratings"
    public var source: String
    public var dayOrder: SpreadsheetValues.DayOrder
    /// The prefix of a customer id made from a CIK, and of one made from the company's name.
    public var cikPrefix: String
    public var namePrefix: String
    /// The daemon's scale the ratings go on.
    public var scale: String
    /// Grades the agencies write that the scale does not have -> the scale's grade (`CCC+` ->
    /// `CCC`); a grade not listed is taken as written.
    public var grades: [String: String]
    /// What agencies write where there is no rating (`NR`, `WR`): such rows are refused.
    public var notRatings: Set<String>

    static let columnAliases = ColumnAliases(
        [
            ("agency", ["Rating Agency Name", "Rating Agency"]), ("corporation", ["Corporation", "Name"]),
            ("rating", ["Rating"]), ("date", ["Date", "Rating Date"]), ("cik", ["CIK"]), ("sector", ["Sector"]),
            ("ticker", ["Ticker", "Symbol"]),
        ], required: ["agency", "corporation", "rating", "date"])

    public var expectedColumns: String { "Rating Agency Name, Corporation, Rating, Date, CIK" }

    public func columns(of header: [String]) -> [String: Int]? { Self.columnAliases.columns(of: header) }

    public func map(_ row: SourceRow) throws(RowProblem) -> ImportRowParams {
        let agency = row.value("agency") ?? ""
        guard !agency.isEmpty else { throw RowProblem(column: row.headerName("agency"), "no rating agency") }
        let corporation = row.value("corporation") ?? ""
        guard !corporation.isEmpty else { throw RowProblem(column: row.headerName("corporation"), "no corporation") }
        let dateText = row.value("date") ?? ""
        guard let date = SpreadsheetValues.date(dateText, order: self.dayOrder) else {
            throw RowProblem(column: row.headerName("date"), "\"\(dateText)\" is not a date")
        }
        let written = (row.value("rating") ?? "").uppercased()
        guard !written.isEmpty, !self.notRatings.contains(written) else {
            throw RowProblem(column: row.headerName("rating"), "\"\(written)\" is not a rating")
        }
        let grade = self.grades[written] ?? written
        var customer = StableID.customerID(prefix: self.namePrefix, from: corporation.lowercased())
        if let cik = row.value("cik").flatMap(SpreadsheetValues.integer), cik > 0 {
            customer = self.cikPrefix + String(cik)
        }
        var note = "\(agency): \(written)" + (grade == written ? "" : " (read as \(grade))")
        if let ticker = row.value("ticker"), !ticker.isEmpty { note += "; ticker \(ticker)" }
        if let sector = row.value("sector"), !sector.isEmpty { note += "; sector \(sector)" }
        return ImportRowParams(
            key: "\(agency)|\(customer)|\(date)", line: row.line,
            customer: RegisterCustomerParams(id: customer, name: String(corporation.prefix(200)), kind: .corporate),
            rating: ImportedRating(scale: self.scale, grade: grade, effectiveOn: date, note: note))
    }

    public func effectiveDay(of row: ImportRowParams) -> Int? { row.rating?.effectiveOn.daysSince1970 }

    public var appliesInDateOrder: Bool { true }
}

extension AgencyRatingsFormat {
    /// The format as `mapping` sets it; every key it lacks keeps the default that
    /// `config/import/agency-ratings.toml` documents.
    public init(mapping: MappingFile) throws(ImportFileError) {
        try mapping.check(kind: "agency-ratings")
        self.source = try mapping.string("source", default: "agency-ratings")
        self.dayOrder = try mapping.choice("day_order", default: .monthFirst)
        self.cikPrefix = try mapping.string("cik_prefix", default: "cik-")
        self.namePrefix = try mapping.string("name_prefix", default: "corp-")
        self.scale = try mapping.string("scale", default: "agency")
        self.grades = try mapping.dictionary(
            "grades", default: ["CCC+": "CCC", "CCC-": "CCC", "CC+": "CC", "CC-": "CC", "SD": "D", "RD": "D"])
        self.notRatings = Set(try mapping.strings("not_ratings", default: ["NR", "WR", "WD", "N.R."]))
    }
}
