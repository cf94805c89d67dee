import DossierCore

extension ConfigKeys {
    /// `[policy.complaints]`: numbering and service levels.
    static let complaintPolicy: [ConfigKey] = [
        ConfigKey(
            "policy.complaints.default_unit", .string(), \.policy.complaints.defaultUnit, reload: .applies,
            "Unit code of a complaint that names none"),
        ConfigKey(
            "policy.complaints.unit_length", .integer(1...8), \.policy.complaints.unitLength, reload: .applies,
            "Length of a unit code, in capital letters"),
        ConfigKey(
            "policy.complaints.number_digits", .integer(1...9), \.policy.complaints.numberDigits, reload: .applies,
            "Digits of the daily running number of a complaint number"),
    ] + ComplaintLevel.allCases.flatMap { level in
        [
            ConfigKey(
                "policy.complaints.service_levels.\(level.rawValue).respond", .duration,
                \.policy.complaints[serviceLevel: level].respondWithin, reload: .applies,
                "\(level.rawValue): respond within this long of receipt"),
            ConfigKey(
                "policy.complaints.service_levels.\(level.rawValue).resolve", .duration,
                \.policy.complaints[serviceLevel: level].resolveWithin, reload: .applies,
                "\(level.rawValue): resolve within this long of receipt"),
        ]
    }
}
