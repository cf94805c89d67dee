/// Every command the domain decides on.
public enum DomainCommand: Hashable, Sendable {
    case registerCustomer(RegisterCustomer)
    case fileComplaint(FileComplaint)
}
