extension Rule {
    public static let complaintIdentifiableSubject = Rule(
        "complaint.identifiable_subject", "a complaint names the product or event it is about (a subject)")
    public static let complaintNumberCapacity = Rule(
        "complaint.number_capacity",
        "a running count holds as many numbers as policy.complaints.number_digits (or the pattern's {seq:N}) allow",
        details: ["unit", "day"])
    public static let complaintUniqueNumber = Rule(
        "complaint.unique_number",
        "a complaint number is given once; a changed numbering pattern must not produce a number already used",
        details: ["complaint"])
    public static let complaintLifecycle = Rule(
        "complaint.lifecycle", "a complaint moves only along its lifecycle; details list what its state allows",
        details: ["complaint", "state", "action", "allowed"])
    public static let complaintFourEyes = Rule(
        "complaint.four_eyes", "whoever requests an extension or proposes compensation may not decide it",
        details: ["complaint", "proposer"])
    public static let complaintExtensionConsent = Rule(
        "complaint.extension_consent", "an extension needs the customer's consent", details: ["complaint"])
    public static let complaintExtensionLater = Rule(
        "complaint.extension_later", "an extension moves the resolution deadline later", details: ["resolveBy"])
    public static let complaintEscalationRaisesLevel = Rule(
        "complaint.escalation_raises_level", "an escalation raises the complaint to a more urgent level",
        details: ["level"])
    public static let complaintCompensationPending = Rule(
        "complaint.compensation_pending",
        "one compensation proposal at a time: a second one while one is pending is refused, not queued",
        details: ["complaint"])
    public static let complaintCompensationAuthority = Rule(
        "complaint.compensation_authority",
        "compensation is decided by a role whose authority covers its amount band",
        details: ["amount", "needed", "authority"])
    public static let complaintEightDBeforeClose = Rule(
        "complaint.eight_d_before_close",
        "a quality complaint closes only once its 8D record holds D3 (containment) and D5 (permanent action)",
        details: ["missing"])
    public static let complaintEightDTypes = Rule(
        "complaint.eight_d_types", "an 8D record is kept for the types policy.complaints.eight_d.types names",
        details: ["type"])
    public static let complaintRejectionRule = Rule(
        "complaint.rejection_rule",
        "a rejection cites a rule of invalid complaints that policy.complaints.invalid.rules enables",
        details: ["rejectionRule"])

    // The rules that make a complaint invalid: a rejection records which applied.
    public static let invalidComplainantFault = Rule(
        "complaint.invalid_complainant_fault", "invalid: the facts differ and the fault is the complainant's")
    public static let invalidExcessiveDemand = Rule(
        "complaint.invalid_excessive_demand", "invalid: demands beyond what was promised or what rules allow")
    public static let invalidProvocation = Rule(
        "complaint.invalid_provocation", "invalid: provocation or threats")
    public static let invalidAnonymousWithoutFacts = Rule(
        "complaint.invalid_anonymous_without_facts",
        "invalid: anonymous with no facts, or the main facts not established")
    public static let invalidUnverifiable = Rule("complaint.invalid_unverifiable", "invalid: cannot be verified")
    public static let invalidLateAttitude = Rule(
        "complaint.invalid_late_attitude",
        "invalid: an attitude complaint raised more than policy.complaints.invalid.late_attitude_after after the event",
        details: ["incidentAt", "lateAfter"])
    public static let invalidDuplicate = Rule(
        "complaint.invalid_duplicate", "invalid: a duplicate of an open complaint of the same customer and subject",
        details: ["duplicateOf"])

    /// The complaint rules, in the order docs/PROTOCOL.md lists them.
    static let complaints: [Rule] =
        [
            .complaintIdentifiableSubject, .complaintNumberCapacity, .complaintUniqueNumber, .complaintLifecycle,
            .complaintFourEyes, .complaintExtensionConsent, .complaintExtensionLater, .complaintEscalationRaisesLevel,
            .complaintCompensationPending, .complaintCompensationAuthority, .complaintEightDBeforeClose,
            .complaintEightDTypes, .complaintRejectionRule,
        ] + InvalidComplaintRule.allCases.map(\.rule)
}

extension DomainError {
    public static func complaintNotFound(_ number: ComplaintNumber) -> DomainError {
        .notFound(message: "complaint \(number) does not exist", details: ["complaint": number.rawValue])
    }

    public static func incidentNotFound(_ id: String) -> DomainError {
        .notFound(message: "group incident \(id) does not exist", details: ["incident": id])
    }

    /// Every running number of a count is used.
    public static func complaintNumbersExhausted(unit: String, day: String) -> DomainError {
        .ruleViolation(
            .complaintNumberCapacity,
            message: "all complaint numbers of unit \(unit) for \(day) are used; raise policy.complaints.number_digits",
            details: ["unit": unit, "day": day])
    }

    /// `action` is not a move the complaint's state allows.
    public static func complaintMoveNotAllowed(
        _ state: ComplaintState, _ action: ComplaintAction, allowed: [ComplaintAction]
    ) -> DomainError {
        let list = allowed.map(\.rawValue).joined(separator: ",")
        return .ruleViolation(
            .complaintLifecycle,
            message: "complaint \(state.number) is \(state.status.rawValue)\(state.isPaused ? " (clock paused)" : ""): "
                + "it cannot \(action.rawValue); allowed: \(list.isEmpty ? "nothing" : list)",
            details: [
                "complaint": state.number.rawValue, "state": state.status.rawValue, "action": action.rawValue,
                "allowed": list,
            ])
    }

    /// The one who proposed (or requested) may not decide.
    public static func complaintFourEyes(_ number: ComplaintNumber, proposer: String, what: String) -> DomainError {
        .ruleViolation(
            .complaintFourEyes,
            message: "\(proposer) \(what) on complaint \(number) and may not decide it; another approver must",
            details: ["complaint": number.rawValue, "proposer": proposer])
    }
}
