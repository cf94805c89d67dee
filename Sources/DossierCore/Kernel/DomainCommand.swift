/// Every command the domain decides on.
public enum DomainCommand: Hashable, Sendable {
    case registerCustomer(RegisterCustomer)
    case fileComplaint(FileComplaint)
    case flagCustomer(FlagCustomer)
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
            // Defaults (unit, receiving time) were filled in by the first try; a retry that leaves
            // them out is still the same request.
            return filed.customer == command.customer && filed.type == command.type
                && filed.channel == command.channel && filed.level == command.level
                && filed.subject == command.subject.trimmingWhitespace() && filed.description == command.description
                && filed.anonymous == command.anonymous && filed.indirect == command.indirect
                && (command.unit == nil || command.unit == filed.unit)
                && (command.receivedAt == nil || command.receivedAt == filed.receivedAt)
                && filed.incidentAt == command.incidentAt
        case (.flagCustomer(let command), .customerFlagged(let flagged)):
            return flagged.customer == command.customer && flagged.kind == command.kind
                && flagged.source == command.source.trimmingWhitespace() && flagged.detail == command.detail
                && flagged.response == command.response
                && (command.observedOn == nil || command.observedOn == flagged.observedOn)
        default:
            return false
        }
    }
}
