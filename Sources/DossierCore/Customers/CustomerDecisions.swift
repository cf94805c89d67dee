/// The rules for opening and changing a customer's dossier.
public enum CustomerDecisions {
    /// Decides `RegisterCustomer` against what the log already holds for that id.
    public static func register(_ command: RegisterCustomer, existing: CustomerState?) throws(DomainError)
        -> CustomerRegistered
    {
        if existing != nil { throw .customerAlreadyRegistered(command.id) }
        let name = command.name.trimmingWhitespace()
        guard !name.isEmpty, name.count <= 200 else {
            throw .invalidField(field: "name", reason: "must be 1 to 200 characters")
        }
        return CustomerRegistered(
            customer: command.id, name: name, kind: command.kind, stage: command.stage, tier: command.tier
        )
    }

    /// Decides `FlagCustomer`: the customer must exist; the source names where the fact came from.
    public static func flag(_ command: FlagCustomer, customer: CustomerState?, today: LocalDate) throws(DomainError)
        -> CustomerFlagged
    {
        guard customer != nil else { throw .customerNotFound(command.customer) }
        let source = command.source.trimmingWhitespace()
        guard !source.isEmpty, source.count <= 200 else {
            throw .invalidField(field: "source", reason: "must be 1 to 200 characters")
        }
        guard command.detail.count <= 10_000 else {
            throw .invalidField(field: "detail", reason: "must be at most 10000 characters")
        }
        let observedOn = command.observedOn ?? today
        guard observedOn <= today else { throw .invalidField(field: "observedOn", reason: "must not be in the future") }
        return CustomerFlagged(
            customer: command.customer, kind: command.kind, source: source, detail: command.detail,
            observedOn: observedOn, response: command.response)
    }

    /// Decides `ResolveFlag`: the flag must exist and be open; it is resolved on a day between
    /// its observation and today.
    public static func resolveFlag(_ command: ResolveFlag, customer: CustomerState?, today: LocalDate)
        throws(DomainError) -> CustomerFlagResolved
    {
        guard let customer else { throw .customerNotFound(command.customer) }
        guard (1...customer.flagsRecorded).contains(command.flag) else {
            throw .notFound(
                message: "customer \(command.customer) has no flag \(command.flag); customer.show lists the open ones",
                details: ["customer": command.customer.rawValue, "flag": String(command.flag)])
        }
        guard let flag = customer.flags.first(where: { $0.number == command.flag }) else {
            throw .ruleViolation(
                .customerFlagOpen, message: "flag \(command.flag) of customer \(command.customer) is already resolved",
                details: ["customer": command.customer.rawValue, "flag": String(command.flag)])
        }
        guard command.note.count <= 10_000 else {
            throw .invalidField(field: "note", reason: "must be at most 10000 characters")
        }
        let resolvedOn = command.resolvedOn ?? today
        guard resolvedOn <= today else { throw .invalidField(field: "resolvedOn", reason: "must not be in the future") }
        guard resolvedOn >= flag.observedOn else {
            throw .ruleViolation(
                .customerFlagResolvedAfterObservation,
                message: "flag \(command.flag) was observed on \(flag.observedOn); it cannot be resolved before that",
                details: ["flag": String(command.flag), "observedOn": flag.observedOn.description])
        }
        return CustomerFlagResolved(
            customer: command.customer, flag: command.flag, kind: flag.kind, outcome: command.outcome,
            resolvedOn: resolvedOn, note: command.note)
    }

    /// Decides `ChangeStage`: up one stage when promoted, back to prospect when paused or demoted.
    public static func changeStage(_ command: ChangeStage, customer: CustomerState?) throws(DomainError)
        -> CustomerStageChanged
    {
        guard let customer else { throw .customerNotFound(command.customer) }
        guard command.note.count <= 10_000 else {
            throw .invalidField(field: "note", reason: "must be at most 10000 characters")
        }
        let from = customer.stage
        let allowed: Bool
        switch command.reason {
        case .promoted: allowed = from.promoted == command.stage
        case .paused, .demoted: allowed = from != .prospect && command.stage == .prospect
        }
        guard allowed else {
            throw .ruleViolation(
                .customerStagePath,
                message: "customer \(command.customer) cannot move from \(from.rawValue) to \(command.stage.rawValue) "
                    + "when \(command.reason.rawValue): promotions go up one stage, pauses and demotions back to "
                    + "prospect",
                details: [
                    "customer": command.customer.rawValue, "from": from.rawValue, "to": command.stage.rawValue,
                    "reason": command.reason.rawValue,
                ])
        }
        return CustomerStageChanged(
            customer: command.customer, from: from, to: command.stage, reason: command.reason, note: command.note)
    }

    /// Decides `ChangeTier`: a different tier, with a reason.
    public static func changeTier(_ command: ChangeTier, customer: CustomerState?) throws(DomainError)
        -> CustomerTierChanged
    {
        guard let customer else { throw .customerNotFound(command.customer) }
        let reason = command.reason.trimmingWhitespace()
        guard !reason.isEmpty, reason.count <= 200 else {
            throw .invalidField(field: "reason", reason: "must be 1 to 200 characters")
        }
        guard customer.tier != command.tier else {
            throw .ruleViolation(
                .customerTierChange,
                message: "customer \(command.customer) is already in tier \(command.tier.rawValue)",
                details: ["customer": command.customer.rawValue, "tier": command.tier.rawValue])
        }
        return CustomerTierChanged(customer: command.customer, from: customer.tier, to: command.tier, reason: reason)
    }
}
