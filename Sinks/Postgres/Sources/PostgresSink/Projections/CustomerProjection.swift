import DossierCore
import DossierProtocol

/// `dossier_customers`: each customer as it stands: name, kind, pool stage, tier, and its open
/// warning flags (bad records) when the sink's role may read them.
enum CustomerProjection: ReplicaProjection {
    struct Key: Hashable, Codable, Sendable {
        var customer: String
    }

    struct Row: Codable, Hashable, Sendable, StampedRow {
        var customer: String
        var name: String
        var kind: String
        var stage: String
        var tier: String
        var registeredAt: String
        /// Null when a flag event of the customer was withheld from the sink: the count is not known.
        var openFlags: Int?
        var version: UInt64
        var updatedAt: String
        var lastSequence: UInt64
    }

    static let table = "dossier_customers"
    static let keyColumns = ["customer"]

    static func keys(of event: EventView) -> [Key] {
        guard let customer = StreamID(rawValue: event.stream).suffix(after: "customer-") else { return [] }
        return [Key(customer: customer)]
    }

    static func apply(_ event: EventView, key: Key, to row: Row?) -> Row? {
        if event.type == CustomerRegistered.typeName {
            return Row(
                customer: key.customer, name: event.string("name") ?? "", kind: event.string("kind") ?? "",
                stage: event.string("stage") ?? "", tier: event.string("tier") ?? "",
                registeredAt: event.recordedAt.iso8601, openFlags: 0, version: event.version,
                updatedAt: event.recordedAt.iso8601, lastSequence: event.sequence)
        }
        guard var row = row else { return nil }
        switch event.type {
        case CustomerStageChanged.typeName: row.stage = event.string("to") ?? row.stage
        case CustomerTierChanged.typeName: row.tier = event.string("to") ?? row.tier
        case CustomerFlagged.typeName: row.openFlags = row.openFlags.map { $0 + 1 }
        case CustomerFlagResolved.typeName: row.openFlags = row.openFlags.map { max(0, $0 - 1) }
        // A customer's stream withholds only its flags: from now on their count is unknown.
        case Confidentiality.withheldEventType: row.openFlags = nil
        default: break
        }
        return row.stamped(event)
    }
}
