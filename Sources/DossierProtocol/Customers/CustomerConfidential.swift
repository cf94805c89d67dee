import DossierCore

extension Confidentiality {
    /// Warning flags (bad records, 不良记录): how many are open, when the last was raised, and
    /// the `CustomerFlagged` events themselves. Clerks and everyone above may see them; viewers
    /// may not.
    public static let badRecords = Confidentiality(name: "badRecords", roles: [.clerk, .approver, .auditor, .admin])

    /// The customer room's confidential event types and their kind.
    static let customerEventTypes: [String: Confidentiality] = [
        CustomerFlagged.typeName: .badRecords, CustomerFlagResolved.typeName: .badRecords,
    ]
}

extension CustomerResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("customer.openFlags", .badRecords),
        ConfidentialField("customer.flags", .badRecords),
        ConfidentialField("customer.flagsRecorded", .badRecords),
        ConfidentialField("customer.lastFlaggedAt", .badRecords),
    ]
}

extension CustomersResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("customers[].openFlags", .badRecords),
        ConfidentialField("customers[].flags", .badRecords),
        ConfidentialField("customers[].flagsRecorded", .badRecords),
        ConfidentialField("customers[].lastFlaggedAt", .badRecords),
    ]
}

extension FlaggedCustomersResult: HasConfidentialFields {
    /// Which customers have an open flag of the kind is itself a bad record.
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("customers", .badRecords), ConfidentialField("next", .badRecords),
    ]
}
