/// One approved limit of a subject, as it stands.
public struct CreditLimit: Hashable, Sendable, Codable, CarriesTerms {
    /// Its number within the subject, from 1 in the order limits were proposed.
    public var number: Int
    public var terms: CreditLimitTerms
    /// `approved`, `frozen` or `revoked`; reads show `expired` past `validTo`.
    public var status: CreditLimitStatus
    public var authority: String
    public var proposedBy: String
    public var approvedBy: String
    public var approvedAt: Timestamp
    /// Why it is frozen, while it is.
    public var frozenReason: String?
    /// Approved changes since it was first approved.
    public var changes: Int

    /// Whether it counts toward the subject's credit on `day`: granted (approved or frozen: a
    /// frozen limit can be unfrozen) and not past its last valid day. An expired limit counts
    /// as zero without any event.
    public func counts(on day: LocalDate) -> Bool { self.status != .revoked && day <= self.validTo }

    /// Its status as a read on `day` shows it: `expired` once past `validTo`.
    public func status(on day: LocalDate) -> CreditLimitStatus {
        self.status != .revoked && day > self.validTo ? .expired : self.status
    }
}

/// A limit, or a change of one, waiting for approval.
public struct CreditLimitProposal: Hashable, Sendable, Codable, CarriesTerms {
    public var number: Int
    public var isChange: Bool
    public var terms: CreditLimitTerms
    public var note: String
    public var proposedBy: Actor
    public var proposedAt: Timestamp
}

/// A subject's credit limits (授信额度) as the log says they are now: every limit ever
/// approved, in number order, and the proposal waiting for approval.
public struct CreditLimitsState: Hashable, Sendable, Codable {
    public var subject: CreditSubject
    public var limits: [CreditLimit]
    public var pending: CreditLimitProposal?
    /// Limits proposed so far (approved or not): the next new one gets the next number.
    public var limitsProposed: Int
    public var version: UInt64

    public init(subject: CreditSubject, version: UInt64) {
        self.subject = subject
        self.limits = []
        self.pending = nil
        self.limitsProposed = 0
        self.version = version
    }

    public func limit(_ number: Int) -> CreditLimit? { self.limits.first { $0.number == number } }

    /// The subject's total credit in `currency` on `day`: the limits that count then.
    public func total(in currency: Currency, on day: LocalDate) -> ExactDecimal {
        self.limits.filter { $0.amount.currency == currency && $0.counts(on: day) }.reduce(.zero) {
            $0 + $1.amount.amount
        }
    }

    /// The total if `proposal` took effect: a new limit adds, a change replaces its limit.
    public func total(in currency: Currency, on day: LocalDate, with proposal: CreditLimitProposal) -> ExactDecimal {
        let others = self.limits.filter {
            $0.number != proposal.number && $0.amount.currency == currency && $0.counts(on: day)
        }
        .reduce(ExactDecimal.zero) { $0 + $1.amount.amount }
        let proposalCounts = proposal.amount.currency == currency && day <= proposal.validTo
        return proposalCounts ? others + proposal.amount.amount : others
    }

    /// Currencies the subject has limits in.
    public var currencies: [Currency] { Array(Set(self.limits.map(\.amount.currency))).sorted() }
}

extension CreditLimitsState: StreamState {
    public static func apply(_ state: CreditLimitsState?, _ event: DomainEvent, at metadata: EventMetadata)
        -> CreditLimitsState?
    {
        guard case .creditLimit(let event) = event else { return state }
        var next = state ?? CreditLimitsState(subject: event.subject, version: 0)
        switch event {
        case .proposed(let proposed):
            next.pending = CreditLimitProposal(
                number: proposed.number, isChange: proposed.isChange, terms: proposed.terms, note: proposed.note,
                proposedBy: metadata.actor, proposedAt: metadata.occurredAt)
            if !proposed.isChange { next.limitsProposed = max(next.limitsProposed, proposed.number) }
        case .approved(let approved):
            let previous = next.limit(approved.number)
            let limit = CreditLimit(
                number: approved.number, terms: approved.terms, status: previous?.status ?? .approved,
                authority: approved.authority, proposedBy: approved.proposedBy, approvedBy: metadata.actor.user,
                approvedAt: metadata.occurredAt, frozenReason: previous?.frozenReason,
                changes: previous.map { $0.changes + 1 } ?? 0)
            next.limits.removeAll { $0.number == approved.number }
            next.limits.append(limit)
            next.limits.sort { $0.number < $1.number }
            next.pending = nil
            // An imported limit is approved without a proposal of ours: its number is used all the same.
            if !approved.isChange { next.limitsProposed = max(next.limitsProposed, approved.number) }
        case .rejected:
            next.pending = nil
        case .frozen(let frozen):
            next.update(frozen.number) {
                $0.status = .frozen
                $0.frozenReason = frozen.reason
            }
        case .unfrozen(let unfrozen):
            next.update(unfrozen.number) {
                $0.status = .approved
                $0.frozenReason = nil
            }
        case .revoked(let revoked):
            next.update(revoked.number) {
                $0.status = .revoked
                $0.frozenReason = nil
            }
        }
        next.version = metadata.version
        return next
    }

    private mutating func update(_ number: Int, _ change: (inout CreditLimit) -> Void) {
        guard let index = self.limits.firstIndex(where: { $0.number == number }) else { return }
        change(&self.limits[index])
    }
}
