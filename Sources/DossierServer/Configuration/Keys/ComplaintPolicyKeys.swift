import DossierCore

extension ConfigKeys {
    /// `[policy.complaints]`: numbering, service levels and the numbers of the complaint rules.
    /// Every key applies on reload to later decisions only: events record what they used.
    static let complaintPolicy: [ConfigKey] =
        [
            ConfigKey(
                "policy.complaints.default_unit", .string(), \.policy.complaints.defaultUnit, reload: .applies,
                "Unit code of a complaint that names none"),
            ConfigKey(
                "policy.complaints.unit_length", .integer(1...8), \.policy.complaints.unitLength, reload: .applies,
                "Length of a unit code, in capital letters"),
            ConfigKey(
                "policy.complaints.number_digits", .integer(1...9), \.policy.complaints.numberDigits, reload: .applies,
                "Digits of the running number written {seq} in number_pattern"),
            ConfigKey(
                "policy.complaints.number_pattern", .numberingPattern, \.policy.complaints.numberPattern,
                reload: .applies,
                "How a complaint number is written: {unit}, {yyyy}, {yy}, {MM}, {dd}, {seq} or {seq:N}"),
            ConfigKey(
                "policy.complaints.number_reset", .choice(NumberReset.self), \.policy.complaints.numberReset,
                reload: .applies, "When the running number starts again from 1"),
            ConfigKey(
                "policy.complaints.number_scope", .choice(NumberScope.self), \.policy.complaints.numberScope,
                reload: .applies, "Whether each unit counts its own numbers or the institution one count"),
            ConfigKey(
                "policy.complaints.revisit_after", .duration, \.policy.complaints.revisitAfter, reload: .applies,
                "The follow-up call falls due this long after the reply"),
            ConfigKey(
                "policy.complaints.close_domestic", .duration, \.policy.complaints.closeDomestic, reload: .applies,
                "Close within this long of receipt (domestic complainant)"),
            ConfigKey(
                "policy.complaints.close_foreign", .duration, \.policy.complaints.closeForeign, reload: .applies,
                "Close within this long of receipt (foreign complainant)"),
            ConfigKey(
                "policy.complaints.close_8d", .duration, \.policy.complaints.closeEightD, reload: .applies,
                "Close a complaint with an 8D record within this long of receipt"),
            ConfigKey(
                "policy.complaints.at_risk_percent", .integer(1...100), \.policy.complaints.atRiskPercent,
                reload: .applies, "A clock is at risk once this share of its time, in percent, has passed"),
            ConfigKey(
                "policy.complaints.escalate_unresolved_after", .duration, \.policy.complaints.escalateUnresolvedAfter,
                reload: .applies, "The due list suggests escalating a complaint unresolved this long after receipt"),
            ConfigKey(
                "policy.complaints.escalate_claim_over", .amount, \.policy.complaints.escalateClaimOver,
                reload: .applies, "The due list suggests escalating a complaint whose claim is above this amount"),
            ConfigKey(
                "policy.complaints.repeat_complainer_minimum", .integer(2...1000),
                \.policy.complaints.repeatComplainerMinimum, reload: .applies,
                "Complaints in a period that make a customer a repeat complainer"),
        ]
        + ComplaintLevel.allCases.flatMap { level in
            [
                ConfigKey(
                    "policy.complaints.service_levels.\(level.rawValue).respond", .duration,
                    \.policy.complaints[serviceLevel: level].respondWithin, reload: .applies,
                    "\(level.rawValue): respond within this long of receipt"),
                ConfigKey(
                    "policy.complaints.service_levels.\(level.rawValue).resolve", .duration,
                    \.policy.complaints[serviceLevel: level].resolveWithin, reload: .applies,
                    "\(level.rawValue): resolve within this long of receipt"),
                ConfigKey(
                    "policy.complaints.service_levels.\(level.rawValue).temporary_measure", .optionalDuration,
                    \.policy.complaints[serviceLevel: level].temporaryMeasureWithin, reload: .applies,
                    "\(level.rawValue): a temporary measure within this long of receipt; \"none\": not required"),
            ]
        }
        + [
            ConfigKey(
                "policy.complaints.invalid.rules", .closedSet(InvalidComplaintRule.self),
                \.policy.complaints.invalidRules,
                reload: .applies, "The rules of invalid complaints a rejection may cite"),
            ConfigKey(
                "policy.complaints.invalid.late_attitude_after", .duration, \.policy.complaints.lateAttitudeAfter,
                reload: .applies, "An attitude complaint raised more than this long after the event is invalid"),
            ConfigKey(
                "policy.complaints.group.customers", .integer(2...1000), \.policy.complaints.groupCustomers,
                reload: .applies, "Distinct customers complaining about one subject that make a group incident"),
            ConfigKey(
                "policy.complaints.group.window", .duration, \.policy.complaints.groupWindow, reload: .applies,
                "Within how long of each other their complaints are received"),
            ConfigKey(
                "policy.complaints.group.level", .choice(ComplaintLevel.self), \.policy.complaints.groupLevel,
                reload: .applies, "The level a group incident's complaints are raised to"),
            ConfigKey(
                "policy.complaints.group.report_to_regulator", .bool, \.policy.complaints.groupReportToRegulator,
                reload: .applies, "A group incident must be reported to the local regulator"),
            ConfigKey(
                "policy.complaints.group.report_within", .duration, \.policy.complaints.groupReportWithin,
                reload: .applies, "Report a group incident to the regulator within this long"),
            ConfigKey(
                "policy.complaints.eight_d.types", .closedSet(ComplaintType.self), \.policy.complaints.eightDTypes,
                reload: .applies, "Complaint types handled with an 8D record"),
            ConfigKey(
                "policy.complaints.eight_d.tracking", .duration, \.policy.complaints.eightDTracking, reload: .applies,
                "How long the customer's quality is tracked after D8"),
            ConfigKey(
                "policy.complaints.compensation.clerk_up_to", .amount, \.policy.complaints.clerkApprovesUpTo,
                reload: .applies, "The largest compensation a clerk's authority approves"),
            ConfigKey(
                "policy.complaints.compensation.manager_up_to", .amount, \.policy.complaints.managerApprovesUpTo,
                reload: .applies, "The largest compensation a manager's authority approves; above: the committee"),
            ConfigKey(
                "policy.complaints.compensation.authority", .authorityTable,
                \.policy.complaints.compensationAuthority, reload: .applies,
                "The compensation authority (clerk, manager, committee) each role holds"),
        ]
}

extension ConfigValue where Value == NumberingPattern {
    static let numberingPattern = ConfigValue(
        description: "numbering pattern",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            guard let pattern = NumberingPattern(text) else {
                throw ConfigurationError(
                    key: section.key(name),
                    message: "must be letters, digits, '.', '_', '-' and the tokens {unit}, {yyyy}, {yy}, {MM}, {dd} "
                        + "with exactly one {seq} or {seq:N} (N from 1 to 9), such as \"{unit}{yy}{MM}{dd}{seq}\"")
            }
            return pattern
        },
        render: { "\"\($0.text)\"" })
}

extension ConfigValue where Value == ServiceDuration? {
    /// A duration, or `"none"`.
    static let optionalDuration = ConfigValue(
        description: "duration or \"none\"",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            if text == "none" { return .some(nil) }
            guard let duration = ServiceDuration(text), duration.isAtMostAYear else {
                throw ConfigurationError(
                    key: section.key(name), message: "must be \"none\" or a duration of at most a year such as \"8wh\"")
            }
            return .some(duration)
        },
        render: { "\"\($0?.description ?? "none")\"" })
}

extension ConfigValue where Value == DecimalAmount {
    /// An amount written as a string, `"5000"` or `"1234.50"`.
    static let amount = ConfigValue(
        description: "amount (a string such as \"5000\" or \"1234.50\")",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            guard let amount = DecimalAmount(text) else {
                throw ConfigurationError(
                    key: section.key(name),
                    message: "must be an amount written as a string, such as \"5000\" or \"1234.50\"")
            }
            return amount
        },
        render: { "\"\($0)\"" })
}

extension ConfigValue {
    /// An array of names of a closed set, such as `["quality", "packaging"]`.
    static func closedSet<Element: ClosedSet & Hashable>(_: Element.Type) -> ConfigValue where Value == Set<Element> {
        ConfigValue(
            description: "array of \(Element.allCases.map(\.rawValue).joined(separator: ", "))",
            read: { section, name throws(ConfigurationError) in
                guard let texts = try section.stringArray(name) else { return nil }
                var values = Set<Element>()
                for text in texts {
                    guard let value = Element(rawValue: text) else {
                        throw ConfigurationError(
                            key: section.key(name),
                            message:
                                "\"\(text)\" is not one of \(Element.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    values.insert(value)
                }
                return values
            },
            render: { values in
                "["
                    + Element.allCases.filter { values.contains($0) }.map { "\"\($0.rawValue)\"" }.joined(
                        separator: ", ")
                    + "]"
            })
    }
}

extension ConfigValue where Value == [String: CompensationAuthority] {
    /// Roles and the compensation authority each holds, such as `{ clerk = "clerk" }`.
    static let authorityTable = ConfigValue(
        description: "table of roles and authorities (clerk, manager, committee)",
        read: { section, name throws(ConfigurationError) in
            guard let entries = try section.stringTable(name) else { return nil }
            var table: [String: CompensationAuthority] = [:]
            for (role, text) in entries {
                guard ["viewer", "clerk", "approver", "auditor", "admin"].contains(role) else {
                    throw ConfigurationError(
                        key: "\(section.key(name)).\(role)",
                        message: "is not a role (viewer, clerk, approver, auditor, admin)")
                }
                guard let authority = CompensationAuthority(rawValue: text) else {
                    throw ConfigurationError(
                        key: "\(section.key(name)).\(role)", message: "must be one of clerk, manager, committee")
                }
                table[role] = authority
            }
            return table
        },
        render: { table in
            if table.isEmpty { return "{}" }
            return "{ "
                + table.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value.rawValue)\"" }
                .joined(separator: ", ") + " }"
        })
}

extension ConfigurationRelations {
    /// Complaint numbers must never repeat, and the compensation bands must rise.
    static func checkComplaintPolicy(_ complaints: ComplaintPolicy) throws(ConfigurationError) {
        if let problem = complaints.numberingProblem {
            throw ConfigurationError(key: "policy.complaints.number_pattern", message: problem)
        }
        guard complaints.managerApprovesUpTo >= complaints.clerkApprovesUpTo else {
            throw ConfigurationError(
                key: "policy.complaints.compensation.manager_up_to",
                message:
                    "must not be below policy.complaints.compensation.clerk_up_to (\(complaints.clerkApprovesUpTo))")
        }
    }
}
