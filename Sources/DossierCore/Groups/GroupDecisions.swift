/// The rules for group customers: who belongs to a group, and what is recorded of it.
public enum GroupDecisions {
    public static func create(_ command: CreateGroup, existing: GroupState?) throws(DomainError) -> GroupCreated {
        guard existing == nil else {
            throw .ruleViolation(
                .groupUniqueID, message: "group \(command.id) already exists", details: ["group": command.id.rawValue])
        }
        return GroupCreated(
            group: command.id, name: try command.name.requiredText("name"), note: try command.note.freeText("note"))
    }

    /// What adding a member reads: the group, the customer, the group it is already in, and
    /// the limits the ceiling check sums.
    public struct Membership: Sendable {
        public var group: GroupState?
        public var customer: CustomerState?
        /// The group the customer already belongs to, if any.
        public var currentGroup: GroupID?
        public var customerLimits: CreditLimitsState?
        public var groupLimits: CreditLimitsState?
        public var memberLimits: [CreditLimitsState]

        public init(
            group: GroupState?, customer: CustomerState?, currentGroup: GroupID?, customerLimits: CreditLimitsState?,
            groupLimits: CreditLimitsState?, memberLimits: [CreditLimitsState]
        ) {
            self.group = group
            self.customer = customer
            self.currentGroup = currentGroup
            self.customerLimits = customerLimits
            self.groupLimits = groupLimits
            self.memberLimits = memberLimits
        }
    }

    /// Decides `AddGroupMember`: a registered customer in no other group, not recorded as
    /// excluded, whose limits fit under the group's limit with the other members'.
    public static func addMember(_ command: AddGroupMember, membership: Membership, today: LocalDate)
        throws(DomainError)
        -> GroupMemberAdded
    {
        guard let group = membership.group else { throw .groupNotFound(command.group) }
        guard membership.customer != nil else { throw .customerNotFound(command.customer) }
        if let current = membership.currentGroup {
            throw .ruleViolation(
                .groupSingleMembership,
                message: "customer \(command.customer) is already a member of group \(current)"
                    + (current == command.group ? "" : "; remove it there first"),
                details: ["customer": command.customer.rawValue, "group": current.rawValue])
        }
        guard !group.isExcluded(command.customer) else {
            throw .ruleViolation(
                .groupExcludedEntity,
                message: "customer \(command.customer) is recorded as excluded from group \(command.group)",
                details: ["group": command.group.rawValue, "customer": command.customer.rawValue])
        }
        let evidence = try command.evidence.requiredText("evidence", maximum: 2000)
        for currency in membership.customerLimits?.currencies ?? [] {
            let own = membership.customerLimits?.total(in: currency, on: today) ?? .zero
            guard own > .zero else { continue }
            let ceiling = membership.groupLimits?.total(in: currency, on: today) ?? .zero
            let sum = membership.memberLimits.reduce(own) { $0 + $1.total(in: currency, on: today) }
            guard sum <= ceiling else {
                throw .memberSumExceeded(
                    group: command.group, currency: currency, groupLimit: ceiling, memberSum: sum,
                    what: "adding customer \(command.customer) with its limits")
            }
        }
        return GroupMemberAdded(
            group: command.group, customer: command.customer, relation: command.relation, evidence: evidence)
    }

    public static func removeMember(_ command: RemoveGroupMember, group: GroupState?) throws(DomainError)
        -> GroupMemberRemoved
    {
        let group = try Self.membership(of: command.customer, in: command.group, group)
        return GroupMemberRemoved(
            group: group.id, customer: command.customer, reason: try command.reason.requiredText("reason"))
    }

    /// Decides `RecordGroupExclusion`: an entity, with evidence, that is not a member.
    public static func recordExclusion(_ command: RecordGroupExclusion, group: GroupState?) throws(DomainError)
        -> GroupExclusionRecorded
    {
        guard let group else { throw .groupNotFound(command.group) }
        if let customer = command.customer, group.member(customer) != nil {
            throw .ruleViolation(
                .groupExcludedEntity,
                message: "customer \(customer) is a member of group \(command.group); remove it before recording it "
                    + "as excluded",
                details: ["group": command.group.rawValue, "customer": customer.rawValue])
        }
        return GroupExclusionRecorded(
            group: command.group, entity: try command.entity.requiredText("entity"), customer: command.customer,
            reason: command.reason, evidence: try command.evidence.requiredText("evidence", maximum: 2000))
    }

    /// Decides `RecordQuarterEndBalance`: a member's balance at a branch at the end of a
    /// quarter that is over.
    public static func recordBalance(
        _ command: RecordQuarterEndBalance, group: GroupState?, policy: CreditLimitPolicy, today: LocalDate
    ) throws(DomainError) -> QuarterEndBalanceRecorded {
        let group = try Self.membership(of: command.customer, in: command.group, group)
        guard command.quarter.lastDay < today else {
            throw .invalidField(
                field: "quarter", reason: "must have ended (\(command.quarter) ends \(command.quarter.lastDay))")
        }
        return QuarterEndBalanceRecorded(
            group: group.id, customer: command.customer, branch: try command.branch.requiredText("branch", maximum: 64),
            quarter: command.quarter,
            balance: try Money.parse(
                command.amount, currency: command.currency ?? policy.defaultCurrency, allowingZero: true))
    }

    /// Decides `RecordGroupExposure`: a member's bond or derivative exposure as of a day.
    public static func recordExposure(
        _ command: RecordGroupExposure, group: GroupState?, policy: CreditLimitPolicy, today: LocalDate
    ) throws(DomainError) -> GroupExposureRecorded {
        let group = try Self.membership(of: command.customer, in: command.group, group)
        let asOf = command.asOf ?? today
        guard asOf <= today else { throw .invalidField(field: "asOf", reason: "must not be in the future") }
        return GroupExposureRecorded(
            group: group.id, customer: command.customer, kind: command.kind,
            amount: try Money.parse(
                command.amount, currency: command.currency ?? policy.defaultCurrency, allowingZero: true),
            asOf: asOf)
    }

    public static func setNetCapital(_ command: SetNetCapital, policy: CreditLimitPolicy, today: LocalDate)
        throws(DomainError) -> NetCapitalSet
    {
        let effectiveOn = command.effectiveOn ?? today
        guard effectiveOn <= today else {
            throw .invalidField(field: "effectiveOn", reason: "must not be in the future")
        }
        return NetCapitalSet(
            amount: try Money.parse(command.amount, currency: command.currency ?? policy.defaultCurrency),
            effectiveOn: effectiveOn, reason: try command.reason.requiredText("reason"))
    }

    /// The group, when `customer` is its member.
    private static func membership(of customer: CustomerID, in id: GroupID, _ group: GroupState?) throws(DomainError)
        -> GroupState
    {
        guard let group else { throw .groupNotFound(id) }
        guard group.member(customer) != nil else { throw .notAMember(customer, of: id) }
        return group
    }
}
