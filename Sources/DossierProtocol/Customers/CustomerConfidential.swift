import DossierCore

extension Confidentiality {
    /// Warning flags (bad records, 不良记录): how many are open, when the last was raised, and
    /// the `CustomerFlagged` events themselves. Clerks and everyone above may see them; viewers
    /// may not.
    public static let badRecords = Confidentiality(name: "badRecords", roles: [.clerk, .approver, .auditor, .admin])
}

extension CustomerResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("customer.openFlags", .badRecords),
        ConfidentialField("customer.lastFlaggedAt", .badRecords),
    ]
}

extension CustomersResult: HasConfidentialFields {
    public static let confidentialFields: [ConfidentialField] = [
        ConfidentialField("customers[].openFlags", .badRecords),
        ConfidentialField("customers[].lastFlaggedAt", .badRecords),
    ]
}
