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
        // Every key of a table is read (and checked) even when the table names no column, so
        // a file that spells out all of them, as mapped-example.toml does, is valid.
        let rating = try mapping.table("rating")
        let grade = try optional(rating, "grade")
        let ratingScale = try rating.string("scale", default: "agency")
        let effectiveOn = try optional(rating, "effective_on")
        let grades = try rating.dictionary("grades", default: [:])
        if let grade {
            guard let effectiveOn else {
                throw .badMapping(path: mapping.path, reason: "rating.effective_on must name a column")
            }
            self.rating = Rating(scale: ratingScale, gradeColumn: grade, effectiveOnColumn: effectiveOn, grades: grades)
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
        let subject = try optional(complaint, "subject")
        let received = try optional(complaint, "received")
        let description = try optional(complaint, "description")
        let type: ComplaintType = try complaint.choice("type", default: .other)
        let channel: ComplaintChannel = try complaint.choice("channel", default: .letter)
        let level: ComplaintLevel = try complaint.choice("level", default: .l4)
        if let subject {
            guard let received else {
                throw .badMapping(path: mapping.path, reason: "complaint.received must name a column")
            }
            self.complaint = Complaint(
                subjectColumn: subject, receivedColumn: received, descriptionColumn: description, type: type,
                channel: channel, level: level)
        }
    }
}
