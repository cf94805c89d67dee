/// What a limit grants: its amount, kind, mode, validity and basis. A proposal, its approval
/// and the limit in force carry the same terms, so they are one value, read as members of
/// whatever carries it (`limit.amount`).
public struct CreditLimitTerms: Hashable, Sendable, Codable {
    public var amount: Money
    public var kind: CreditKind
    public var mode: CreditMode
    /// The first valid day.
    public var validFrom: LocalDate
    /// The last valid day: past it the limit counts as zero, with no event.
    public var validTo: LocalDate
    /// The rule or document the limit rests on (授信依据).
    public var basis: String

    public init(
        amount: Money, kind: CreditKind, mode: CreditMode, validFrom: LocalDate, validTo: LocalDate, basis: String
    ) {
        self.amount = amount
        self.kind = kind
        self.mode = mode
        self.validFrom = validFrom
        self.validTo = validTo
        self.basis = basis
    }
}
