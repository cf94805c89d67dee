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
}
