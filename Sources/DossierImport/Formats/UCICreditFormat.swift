import Foundation
import DossierCore
import DossierFoundation
import DossierProtocol

/// UCI's "default of credit card clients" (`ID, LIMIT_BAL, SEX, ..., PAY_0, PAY_2..PAY_6, ...,
/// default.payment.next.month`, or `ID, X1..X23, Y`, with or without the real names in a second
/// header row): an individual customer per row, the card's limit as an approved limit of
/// existing credit, a flag for each month whose repayment was late by `delayThreshold` months or
/// more, and one for a default.
///
/// SEX, EDUCATION, MARRIAGE and AGE are checked to be numbers and not kept: a dossier has no
/// field for them. Codes outside the data set's documentation (education 0, 5, 6, marriage 0)
/// are therefore no reason to refuse a row.
public struct UCICreditFormat: ImportFormat {
    public let kind = "uci-credit"
    public var source: String
    public var dayOrder: SpreadsheetValues.DayOrder = .monthFirst
    public var customerPrefix: String
    /// The customer's name; `{id}` stands for the row's ID.
    public var customerName: String
    public var currency: String
    public var limitKind: CreditKind
    public var limitMode: CreditMode
    public var limitBasis: String
    /// A PAY_n of this many months or more is a late repayment, flagged.
    public var delayThreshold: Int
    /// The month each PAY column reports on (the flag is observed on its last day).
    public var months: [String: LocalDate]
    /// When the default the last column reports was observed.
    public var defaultObservedOn: LocalDate

    /// The repayment columns, newest first, as the data set names them.
    static let payColumns = ["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"]

    static let columnAliases: ColumnAliases = {
        var aliases: [(String, [String])] = [
            ("id", ["ID", ""]), ("LIMIT_BAL", ["LIMIT_BAL", "X1"]), ("SEX", ["SEX", "X2"]),
            ("EDUCATION", ["EDUCATION", "X3"]), ("MARRIAGE", ["MARRIAGE", "X4"]), ("AGE", ["AGE", "X5"]),
            ("PAY_0", ["PAY_0", "PAY_1", "X6"]),
        ]
        for (offset, column) in payColumns.dropFirst().enumerated() { aliases.append((column, [column, "X\(7 + offset)"])) }
        aliases.append(
            ("default", ["default.payment.next.month", "default payment next month", "default_payment_next_month", "Y"]))
        return ColumnAliases(aliases, required: Set(aliases.map(\.0)))
    }()

    public var expectedColumns: String { "ID, LIMIT_BAL, PAY_0..PAY_6, default.payment.next.month (or ID, X1..X23, Y)" }

    public func columns(of header: [String]) -> [String: Int]? { Self.columnAliases.columns(of: header) }

    public func map(_ row: SourceRow) throws(RowProblem) -> ImportRowParams {
        let idText = row.value("id") ?? ""
        guard let id = SpreadsheetValues.integer(idText), id > 0 else {
            throw RowProblem(column: row.headerName("id"), "\"\(idText)\" is not a client ID")
        }
        let limitText = row.value("LIMIT_BAL") ?? ""
        guard let limit = SpreadsheetValues.decimal(limitText), limit > .zero else {
            throw RowProblem(column: row.headerName("LIMIT_BAL"), "\"\(limitText)\" is not a positive amount")
        }
        for column in ["SEX", "EDUCATION", "MARRIAGE", "AGE"] {
            let text = row.value(column) ?? ""
            guard text.isEmpty || SpreadsheetValues.integer(text) != nil else {
                throw RowProblem(column: row.headerName(column), "\"\(text)\" is not a code")
            }
        }
        var flags: [ImportedFlag] = []
        for column in Self.payColumns {
            let text = row.value(column) ?? ""
            guard let delay = SpreadsheetValues.integer(text), (-2...9).contains(delay) else {
                throw RowProblem(column: row.headerName(column), "\"\(text)\" is not a repayment status from -2 to 9")
            }
            guard delay >= self.delayThreshold else { continue }
            let month = self.months[column]
            flags.append(
                ImportedFlag(
                    kind: .overdueRepayment,
                    detail: "\(column) = \(delay): repayment \(delay) month\(delay == 1 ? "" : "s") late"
                        + (month.map { " in \(String($0.description.prefix(7)))" } ?? ""),
                    observedOn: month))
        }
        let defaultText = row.value("default") ?? ""
        guard let defaulted = SpreadsheetValues.integer(defaultText), (0...1).contains(defaulted) else {
            throw RowProblem(column: row.headerName("default"), "\"\(defaultText)\" is not 0 or 1")
        }
        if defaulted == 1 {
            flags.append(
                ImportedFlag(kind: .default, detail: "default payment next month", observedOn: self.defaultObservedOn))
        }
        let key = String(id)
        return ImportRowParams(
            key: key, line: row.line,
            customer: RegisterCustomerParams(
                id: self.customerPrefix + key, name: self.customerName.replacingOccurrences(of: "{id}", with: key),
                kind: .individual),
            limit: ImportedLimitParams(
                amount: limit, currency: self.currency, kind: self.limitKind, mode: self.limitMode,
                basis: self.limitBasis),
            flags: flags)
    }
}
