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
}
