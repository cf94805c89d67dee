/// Decides an `ImportRecord`: each fact through its own room's rules, all of them one
/// decision, so that a record that fails any rule writes nothing.
///
/// Taking over a limit or a rating the source system approved is an approval on its word: the
/// importer needs the authority (limits) or the approver role (the scale's) that would approve
/// it here. The source system is the maker (`proposedBy: import:<source>`), so four eyes hold.
/// What an import does not check, and why: a rating's one-step upgrade (the agency's history
/// is what it is; rule `rating.imported`), and a complaint from history raises no group
/// incident and duplicates nothing open, because the source already handled it. Every other
/// rule holds: a limit still obeys the tier, default and group rules of now.
public enum ImportDecisions {
    /// What the record's rules read, gathered by the store in the writer's transaction.
    public struct Context: Sendable {
        public var customer: CustomerState?
        /// For a record with a limit: the customer's limits and what the grant rules read.
        public var limits: CreditLimitsState?
        public var credit: CreditContext?
        /// For a record with a rating: the customer's rating on that scale.
        public var rating: RatingState?
        /// For a record with a complaint: numbering and the customer, as filing reads them.
        public var filing: ComplaintDecisions.FilingContext?
        public var actor: Actor
        public var now: Timestamp

        public init(
            customer: CustomerState?, limits: CreditLimitsState? = nil, credit: CreditContext? = nil,
            rating: RatingState? = nil, filing: ComplaintDecisions.FilingContext? = nil, actor: Actor, now: Timestamp
        ) {
            self.customer = customer
            self.limits = limits
            self.credit = credit
            self.rating = rating
            self.filing = filing
            self.actor = actor
            self.now = now
        }
    }

    public static func decide(_ record: ImportRecord, context: Context, policy: Policy) throws(DomainError) -> Decision {
        try Self.checkIdentity(record)
        guard record.limit == nil || record.rating == nil else {
            // A rating meaning default freezes the limits in force, which would have to include
            // the record's own: one record carries a limit or a rating, never both.
            throw .invalidField(field: "record", reason: "carries a limit and a rating; import them as two records")
        }
        let today = policy.calendar.localDate(of: context.now)
        var customerEvents: [Decision.Event] = []
        var customer = context.customer
        if customer == nil {
            let registered = try CustomerDecisions.register(record.customer, existing: nil)
            customerEvents.append(Decision.Event(.customer(.registered(registered)), occurredAt: context.now))
            // The later facts of the record see the customer as registering it leaves it.
            customer = CustomerState.apply(
                nil, .customer(.registered(registered)),
                at: EventMetadata(sequence: 0, version: 1, occurredAt: context.now, recordedAt: context.now, actor: context.actor))
        }
        for flag in record.flags {
            let command = FlagCustomer(
                customer: record.customer.id, kind: flag.kind, source: record.source, detail: flag.detail,
                observedOn: flag.observedOn)
            let flagged = try CustomerDecisions.flag(command, customer: customer, today: today)
            customerEvents.append(Decision.Event(.customer(.flagged(flagged)), occurredAt: context.now))
        }
        var appends: [Decision.Append] = []
        if !customerEvents.isEmpty {
            appends.append(
                Decision.Append(
                    to: .customer(record.customer.id),
                    expected: context.customer.map { .exact($0.version) } ?? .noStream, customerEvents))
        }
        if let complaint = record.complaint {
            appends.append(try Self.complaint(complaint, of: record, customer: customer, context: context, policy: policy))
        }
        if let limit = record.limit {
            appends.append(
                try Self.limit(limit, of: record, customer: customer, context: context, policy: policy, today: today))
        }
        if let rating = record.rating {
            appends += try Self.rating(rating, of: record, context: context, policy: policy, today: today)
        }
        guard !appends.isEmpty else {
            throw .invalidField(field: "record", reason: "holds no fact for a customer that is already registered")
        }
        return Decision(appends)
    }

    private static func checkIdentity(_ record: ImportRecord) throws(DomainError) {
        for (field, value) in [("source", record.source), ("key", record.key)] {
            guard (1...200).contains(value.count), !value.contains(where: \.isNewline) else {
                throw .invalidField(field: field, reason: "must be 1 to 200 characters on one line")
            }
        }
    }

    // MARK: - The rooms' facts

    private static func complaint(
        _ complaint: ImportedComplaint, of record: ImportRecord, customer: CustomerState?, context: Context,
        policy: Policy
    ) throws(DomainError) -> Decision.Append {
        guard var filing = context.filing else {
            throw .invalidField(field: "complaint", reason: "cannot be filed without its numbering")
        }
        filing.customer = customer
        var command = complaint.filing
        command.customer = record.customer.id
        command.externalID = command.externalID ?? record.key
        let filed = try ComplaintDecisions.file(command, context: filing, policy: policy)
        var events = [Decision.Event(.complaint(.filed(filed)), occurredAt: filed.receivedAt)]
        if complaint.closed {
            let closedAt = max(complaint.closedAt ?? filed.receivedAt, filed.receivedAt)
            guard closedAt <= context.now else {
                throw .invalidField(field: "closedAt", reason: "must not be in the future")
            }
            let note = Self.closingNote(complaint)
            guard note.count <= 10_000 else { throw .invalidField(field: "outcome", reason: "is too long") }
            events.append(
                Decision.Event(.complaint(.closed(ComplaintClosed(number: filed.number, note: note))), occurredAt: closedAt))
        }
        return Decision.Append(to: .complaint(filed.number), expected: .noStream, events)
    }

    /// The source's outcome and its flags, kept in the close's note: `Closed with explanation;
    /// timely response: yes; consumer disputed: no`.
    static func closingNote(_ complaint: ImportedComplaint) -> String {
        var parts = [complaint.outcome ?? "closed by the source"]
        if let timely = complaint.timely { parts.append("timely response: \(timely ? "yes" : "no")") }
        if let disputed = complaint.disputed { parts.append("consumer disputed: \(disputed ? "yes" : "no")") }
        return parts.joined(separator: "; ")
    }

    private static func limit(
        _ limit: ImportedLimit, of record: ImportRecord, customer: CustomerState?, context: Context, policy: Policy,
        today: LocalDate
    ) throws(DomainError) -> Decision.Append {
        let subject = CreditSubject.customer(record.customer.id)
        let amount = try Money.parse(limit.amount, currency: limit.currency ?? policy.limits.defaultCurrency)
        let validFrom = limit.validFrom ?? today
        let validTo = limit.validTo ?? validFrom.adding(months: policy.limits.maxValidityMonths).adding(days: -1)
        try CreditLimitDecisions.checkValidity(from: validFrom, to: validTo, policy: policy.limits, today: today)
        let terms = CreditLimitTerms(
            amount: amount, kind: limit.kind, mode: limit.mode, validFrom: validFrom, validTo: validTo,
            basis: try limit.basis.requiredText("basis"))
        let number = (context.limits?.limitsProposed ?? 0) + 1
        let proposal = CreditLimitProposal(
            number: number, isChange: false, terms: terms, note: "", proposedBy: context.actor, proposedAt: context.now)
        let authority = try CreditLimitDecisions.checkAuthority(
            Caller(actor: context.actor, role: record.role), for: amount, of: subject, policy: policy)
        var credit = context.credit ?? CreditContext()
        credit.customer = customer
        try CreditGrantRules.check(proposal, of: subject, limits: context.limits, context: credit, policy: policy, today: today)
        let approved = CreditLimitApproved(
            subject: subject, number: number, isChange: false, terms: terms, authority: authority,
            proposedBy: "import:\(record.source)", note: "imported from \(record.source) record \(record.key)")
        return Decision.Append(
            to: subject.stream, expected: .exact(context.limits?.version ?? 0),
            [Decision.Event(.creditLimit(.approved(approved)), occurredAt: context.now)])
    }

    private static func rating(
        _ imported: ImportedRating, of record: ImportRecord, context: Context, policy: Policy, today: LocalDate
    ) throws(DomainError) -> [Decision.Append] {
        let scale = try policy.ratings.scale(imported.scale)
        guard let role = record.role, scale.approverRoles.contains(role) else {
            throw .ruleViolation(
                .ratingApproverRole,
                message: "ratings on scale \(scale.name) are taken over by "
                    + scale.approverRoles.joined(separator: ", ") + ", not by role \(record.role ?? "none")",
                details: ["scale": scale.name, "role": record.role ?? "none"])
        }
        guard let grade = scale.grade(named: imported.grade) else {
            throw .invalidField(
                field: "grade", reason: "\(imported.grade) is not a grade of scale \(scale.name); map it onto one")
        }
        guard imported.effectiveOn <= today else {
            throw .invalidField(field: "effectiveOn", reason: "must not be in the future")
        }
        guard imported.note.count <= 10_000 else { throw .invalidField(field: "note", reason: "is too long") }
        let current = context.rating
        if let active = current?.active, imported.effectiveOn < active.effectiveOn {
            throw .ruleViolation(
                .ratingImportDateOrder,
                message: "the rating effective \(imported.effectiveOn) is older than \(record.customer.id)'s active "
                    + "rating on \(scale.name), effective \(active.effectiveOn); import ratings in date order",
                details: [
                    "customer": record.customer.id.rawValue, "scale": scale.name,
                    "effectiveOn": imported.effectiveOn.description, "activeSince": active.effectiveOn.description,
                ])
        }
        let terms = RatingTerms(
            grade: grade.name, reason: .import, effectiveOn: imported.effectiveOn,
            nextReviewOn: imported.effectiveOn.adding(months: policy.ratings.reviewMonths))
        let approved = RatingApproved(
            customer: record.customer.id, scale: scale.name, terms: terms, previousGrade: current?.active?.grade,
            proposedBy: nil, rule: Rule.ratingImported.id, isDefault: scale.isDefault(grade.name),
            provisionRatio: grade.provisionRatio, note: imported.note)
        let rating = current ?? RatingState(customer: record.customer.id, scale: scale.name, version: 0)
        return DefaultPropagation.decision(
            approving: approved, rating: rating, limits: context.limits, now: context.now, today: today
        ).appends
    }
}
