import DossierCore
import DossierProtocol

/// `dossier_credit_limits`: each credit limit of a customer or a group, numbered within its
/// subject: status (proposed, approved, rejected, frozen, revoked), the terms that stand (or
/// are proposed, for a new limit), a change waiting for approval, and who approved it. Limits are
/// confidential: a sink whose role may not read them receives the events withheld, and this
/// table stays empty.
enum CreditLimitProjection: ReplicaProjection {
    struct Key: Hashable, Codable, Sendable {
        /// The limit's stream: `limit-<customer>` or `grouplimit-<group>`.
        var subject: String
        var number: Int
    }

    struct Row: Codable, Hashable, Sendable, StampedRow {
        var subject: String
        var number: Int
        var customer: String?
        var creditGroup: String?
        var status: String
        var amount: String
        var currency: String
        var kind: String
        var mode: String
        var validFrom: String
        var validTo: String
        /// The amount of a change proposed to an approved limit, until it is decided.
        var proposedAmount: String?
        var approvedAt: String?
        var authority: String?
        var version: UInt64
        var updatedAt: String
        var lastSequence: UInt64
    }

    static let table = "dossier_credit_limits"
    static let keyColumns = ["subject", "number"]
    static let numericColumns = ["amount", "proposed_amount"]

    static func keys(of event: EventView) -> [Key] {
        guard StreamID(rawValue: event.stream).creditSubject != nil, let number = event.integer("number") else { return [] }
        return [Key(subject: event.stream, number: number)]
    }

    static func apply(_ event: EventView, key: Key, to row: Row?) -> Row? {
        switch (event.type, row) {
        case (CreditLimitProposed.typeName, var row?) where event.bool("isChange") == true:
            row.proposedAmount = event.decimal(event.data["terms"]?["amount"]?["amount"])
            return row.stamped(event)
        case (CreditLimitProposed.typeName, _):
            return Self.row(key: key, terms: event, status: "proposed")
        case (CreditLimitApproved.typeName, _):
            var row = Self.row(key: key, terms: event, status: "approved")
            row.approvedAt = event.recordedAt.iso8601
            row.authority = event.string("authority")
            return row
        case (CreditLimitRejected.typeName, var row?):
            // A rejected new limit ends there; a rejected change leaves the approved limit standing.
            if row.status == "proposed" { row.status = "rejected" }
            row.proposedAmount = nil
            return row.stamped(event)
        case (CreditLimitFrozen.typeName, var row?):
            row.status = "frozen"
            return row.stamped(event)
        case (CreditLimitUnfrozen.typeName, var row?):
            row.status = "approved"
            return row.stamped(event)
        case (CreditLimitRevoked.typeName, var row?):
            row.status = "revoked"
            row.proposedAmount = nil
            return row.stamped(event)
        default:
            return row.map { $0.stamped(event) }
        }
    }

    /// A row with the terms `event` carries.
    private static func row(key: Key, terms event: EventView, status: String) -> Row {
        let subject = StreamID(rawValue: key.subject).creditSubject
        let terms = event.data["terms"]
        return Row(
            subject: key.subject, number: key.number, customer: subject?.customer?.rawValue,
            creditGroup: subject?.group?.rawValue, status: status, amount: event.decimal(terms?["amount"]?["amount"]) ?? "0",
            currency: terms?["amount"]?["currency"]?.stringValue ?? "", kind: terms?["kind"]?.stringValue ?? "",
            mode: terms?["mode"]?.stringValue ?? "", validFrom: terms?["validFrom"]?.stringValue ?? "",
            validTo: terms?["validTo"]?.stringValue ?? "", proposedAmount: nil, approvedAt: nil, authority: nil,
            version: event.version, updatedAt: event.recordedAt.iso8601, lastSequence: event.sequence)
    }
}
