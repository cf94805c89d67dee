/// Command: propose a change of an approved limit's amount or last valid day; it takes effect
/// when approved, like a new limit. A higher amount is incremental credit.
public struct ChangeCreditLimit: Hashable, Sendable, Codable {
    public var subject: CreditSubject
    public var number: Int
    public var amount: ExactDecimal
    /// The limit's current one when absent.
    public var validTo: LocalDate?
    public var basis: String
    public var note: String

    public init(
        subject: CreditSubject, number: Int, amount: ExactDecimal, validTo: LocalDate? = nil, basis: String,
        note: String = ""
    ) {
        self.subject = subject
        self.number = number
        self.amount = amount
        self.validTo = validTo
        self.basis = basis
        self.note = note
    }
}

extension ChangeCreditLimit: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .creditLimit(.proposed(let proposed)) = first else { return false }
        return proposed.isChange && proposed.subject == self.subject && proposed.number == self.number
            && proposed.amount.amount == self.amount && (self.validTo == nil || self.validTo == proposed.validTo)
            && proposed.basis == self.basis.trimmingWhitespace() && proposed.note == self.note
    }
}
