import DossierCore

extension CFPBFormat {
    /// The format as `mapping` sets it; every key it lacks keeps the default that
    /// `config/import/cfpb.toml` documents.
    public init(mapping: MappingFile) throws(ImportFileError) {
        try mapping.check(kind: "cfpb")
        self.source = try mapping.string("source", default: "cfpb")
        self.dayOrder = try mapping.choice("day_order", default: .monthFirst)
        self.customerPrefix = try mapping.string("customer_prefix", default: "cfpb-")
        self.customerKind = try mapping.choice("customer_kind", default: .individual)
        self.level = try mapping.choice("level", default: .l4)
        let unit = try mapping.string("unit", default: "")
        self.unit = unit.isEmpty ? nil : unit
        self.channels = try Self.choices(
            mapping.dictionary("channels", default: Self.defaultChannels), in: mapping, key: "channels")
        self.defaultChannel = try mapping.choice("default_channel", default: .web)
        self.typeRules = try mapping.tables("type_rules").map { tables throws(ImportFileError) in
            var rules: [TypeRule] = []
            for table in tables {
                rules.append(
                    TypeRule(
                        field: try table.choice("field", default: .issue),
                        contains: try table.string("contains", default: ""),
                        type: try table.choice("type", default: .other)))
            }
            return rules
        } ?? Self.defaultTypeRules
        self.defaultType = try mapping.choice("default_type", default: .product)
        self.closingResponses = Set(try mapping.strings("closing_responses", default: Self.defaultClosingResponses))
        self.indirectChannels = Set(try mapping.strings("indirect_channels", default: ["Referral", "Web Referral"]))
    }

    static func choices<Value: RawRepresentable<String> & CaseIterable>(
        _ table: [String: String], in mapping: MappingFile, key: String
    ) throws(ImportFileError) -> [String: Value] {
        var result: [String: Value] = [:]
        for (name, text) in table {
            guard let value = Value(rawValue: text) else {
                throw .badMapping(
                    path: mapping.path,
                    reason: "\(key).\(name) must be one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result[name] = value
        }
        return result
    }

    static let defaultChannels = [
        "Web": "web", "Email": "web", "Phone": "phone", "Postal mail": "letter", "Fax": "letter",
        "Referral": "regulator", "Web Referral": "regulator",
    ]

    static let defaultTypeRules: [TypeRule] = [
        TypeRule(field: .issue, contains: "fee", type: .fees),
        TypeRule(field: .issue, contains: "customer service", type: .service),
        TypeRule(field: .issue, contains: "communication tactics", type: .attitude),
        TypeRule(field: .issue, contains: "incorrect information", type: .quality),
        TypeRule(field: .issue, contains: "fraud", type: .grievance),
        TypeRule(field: .product, contains: "credit reporting", type: .service),
    ]

    static let defaultClosingResponses = [
        "Closed", "Closed with explanation", "Closed with monetary relief", "Closed with non-monetary relief",
        "Closed with relief", "Closed without relief",
    ]
}
