import DossierCore
import DossierFoundation

extension MappedFormat {
    /// The format a mapping file describes (`config/import/mapped-example.toml` shows every key).
    public init(mapping: MappingFile) throws(ImportFileError) {
        func required(_ table: MappingFile, _ key: String) throws(ImportFileError) -> String {
            guard let value = try table.string(key), !value.isEmpty else {
                throw .badMapping(path: mapping.path, reason: "\(key) must name a column")
            }
            return value
        }
        func optional(_ table: MappingFile, _ key: String) throws(ImportFileError) -> String? {
            try table.string(key).flatMap { $0.isEmpty ? nil : $0 }
        }
        try mapping.check(kind: "mapped")
        self.source = try required(mapping, "source")
        self.dayOrder = try mapping.choice("day_order", default: .monthFirst)
        self.keyColumn = try required(mapping, "key")
        let customer = try mapping.table("customer")
        self.customer = Customer(
            idColumn: try required(customer, "id"), idPrefix: try customer.string("id_prefix", default: ""),
            nameColumn: try required(customer, "name"), kind: try customer.choice("kind", default: .individual))
        let limit = try mapping.table("limit")
        if let amount = try optional(limit, "amount") {
            self.limit = Limit(
                amountColumn: amount, currency: try optional(limit, "currency"),
                kind: try limit.choice("kind", default: .existing), mode: try limit.choice("mode", default: .internal),
                validFromColumn: try optional(limit, "valid_from"), validToColumn: try optional(limit, "valid_to"),
                basis: try limit.string("basis", default: "imported from \(self.source)"))
        }
        let rating = try mapping.table("rating")
        if let grade = try optional(rating, "grade") {
            self.rating = Rating(
                scale: try rating.string("scale", default: "agency"), gradeColumn: grade,
                effectiveOnColumn: try required(rating, "effective_on"),
                grades: try rating.dictionary("grades", default: [:]))
        }
        self.flags = []
        for table in try mapping.tables("flags") ?? [] {
            let threshold = try table.string("at_least", default: "1")
            guard let atLeast = SpreadsheetValues.decimal(threshold) else {
                throw .badMapping(path: mapping.path, reason: "flags.at_least must be a number written as a string")
            }
            self.flags.append(
                Flag(
                    column: try required(table, "column"), atLeast: atLeast,
                    kind: try table.choice("kind", default: .overdueRepayment),
                    observedOnColumn: try optional(table, "observed_on")))
        }
        let complaint = try mapping.table("complaint")
        if let subject = try optional(complaint, "subject") {
            self.complaint = Complaint(
                subjectColumn: subject, receivedColumn: try required(complaint, "received"),
                descriptionColumn: try optional(complaint, "description"),
                type: try complaint.choice("type", default: .other), channel: try complaint.choice("channel", default: .letter),
                level: try complaint.choice("level", default: .l4))
        }
    }
}
