/// A command of the domain: an imperative request (`RegisterCustomer`, `FileComplaint`) that
/// its domain's rules accept as a `Decision` or refuse with a `DomainError`.
public protocol DomainCommand: Hashable, Sendable {
    /// Whether `first`, the first event written under this command's request id, is what this
    /// command produces: then a repeat is a retry, answered with the original result.
    /// Otherwise the id was reused for a different request, which must be refused rather
    /// than answered with someone else's result.
    func isRetry(of first: DomainEvent) -> Bool
}
