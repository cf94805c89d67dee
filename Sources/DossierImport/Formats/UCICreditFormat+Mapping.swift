import DossierCore
import DossierFoundation

extension UCICreditFormat {
    /// The format as `mapping` sets it; every key it lacks keeps the default that
    /// `config/import/uci-credit.toml` documents.
    public init(mapping: MappingFile) throws(ImportFileError) {
        try mapping.check(kind: "uci-credit")
        self.source = try mapping.string("source", default: "uci-credit")
        self.customerPrefix = try mapping.string("customer_prefix", default: "uci-")
        self.customerName = try mapping.string("customer_name", default: "Card holder {id}")
        self.currency = try mapping.string("currency", default: "TWD")
        self.limitKind = try mapping.choice("limit_kind", default: .existing)
        self.limitMode = try mapping.choice("limit_mode", default: .internal)
        self.limitBasis = try mapping.string("limit_basis", default: "LIMIT_BAL of the card account")
        self.delayThreshold = try mapping.int("delay_threshold", default: 1, in: 1...9)
        let months = try mapping.dictionary("months", default: Self.defaultMonths)
        var parsed: [String: LocalDate] = [:]
        for (column, text) in months {
            guard Self.payColumns.contains(column), let month = LocalDate(text + "-01") else {
                throw .badMapping(
                    path: mapping.path,
                    reason: "months.\(column) must name one of \(Self.payColumns.joined(separator: ", ")) and a "
                        + "month written yyyy-MM")
            }
            // A month's flag is observed on its last day.
            parsed[column] = month.adding(months: 1).adding(days: -1)
        }
        self.months = parsed
        let observed = try mapping.string("default_observed_on", default: "2005-10-31")
        guard let day = LocalDate(observed) else {
            throw .badMapping(path: mapping.path, reason: "default_observed_on must be a date written yyyy-MM-dd")
        }
        self.defaultObservedOn = day
    }

    /// The data set covers April to September 2005; PAY_0 is September.
    static let defaultMonths = [
        "PAY_0": "2005-09", "PAY_2": "2005-08", "PAY_3": "2005-07", "PAY_4": "2005-06", "PAY_5": "2005-05",
        "PAY_6": "2005-04",
    ]
}
