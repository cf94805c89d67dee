/// Every command the domain decides on.
public enum DomainCommand: Hashable, Sendable {
    case registerCustomer(RegisterCustomer)
    case fileComplaint(FileComplaint)
}

extension DomainCommand {
    /// Whether `event`, the first event written under this command's request id, is what this
    /// command produces: then a repeat is a retry. Otherwise the id was reused for a
    /// different request, which must be refused rather than answered with someone else's result.
    public func isRetry(of event: DomainEvent) -> Bool {
        switch (self, event) {
        case (.registerCustomer(let command), .customerRegistered(let registered)):
            return registered.customer == command.id && registered.name == command.name.trimmingWhitespace()
                && registered.kind == command.kind && registered.stage == command.stage
                && registered.tier == command.tier
        case (.fileComplaint(let command), .complaintFiled(let filed)):
            return filed.customer == command.customer && filed.type == command.type
                && filed.channel == command.channel && filed.level == command.level
                && filed.subject == command.subject.trimmingWhitespace() && filed.description == command.description
        default:
            return false
        }
    }
}
