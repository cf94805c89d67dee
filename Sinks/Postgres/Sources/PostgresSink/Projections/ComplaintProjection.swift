import DossierCore
import DossierProtocol

/// `dossier_complaints`: each complaint with its classification, status and deadlines as they
/// stand, folded as `ComplaintState` folds them (status by lifecycle step; deadlines set on
/// filing, escalation, a granted extension and a resumed clock).
enum ComplaintProjection: ReplicaProjection {
    struct Key: Hashable, Codable, Sendable {
        var number: String
    }

    struct Row: Codable, Hashable, Sendable, StampedRow {
        var number: String
        var customer: String?
        var type: String
        var channel: String
        var level: String
        var subject: String
        var unit: String
        var status: String
        var receivedAt: String
        var respondBy: String?
        var resolveBy: String?
        var resolvedAt: String?
        var closedAt: String?
        var version: UInt64
        var updatedAt: String
        var lastSequence: UInt64
    }

    static let table = "dossier_complaints"
    static let keyColumns = ["number"]

    /// The status each lifecycle step leaves (a handover assigns only an acknowledged complaint).
    static let statusAfter: [String: ComplaintStatus] = [
        ComplaintAcknowledged.typeName: .acknowledged,
        ComplaintInvestigationStarted.typeName: .investigating,
        ComplaintTemporaryMeasureTaken.typeName: .temporaryMeasure,
        ComplaintResolved.typeName: .resolved,
        ComplaintRevisited.typeName: .revisited,
        ComplaintClosed.typeName: .closed,
        ComplaintRejected.typeName: .rejected,
        ComplaintWithdrawn.typeName: .withdrawn,
        ComplaintReturned.typeName: .returned,
    ]

    static func keys(of event: EventView) -> [Key] {
        guard let number = StreamID(rawValue: event.stream).suffix(after: "complaint-") else { return [] }
        return [Key(number: number)]
    }

    static func apply(_ event: EventView, key: Key, to row: Row?) -> Row? {
        if event.type == ComplaintFiled.typeName {
            return Row(
                number: key.number, customer: event.string("customer"), type: event.string("type") ?? "",
                channel: event.string("channel") ?? "", level: event.string("level") ?? "",
                subject: event.string("subject") ?? "", unit: event.string("unit") ?? "",
                status: ComplaintStatus.received.rawValue, receivedAt: event.string("receivedAt") ?? event.occurredAt.iso8601,
                respondBy: event.string("respondBy"), resolveBy: event.string("resolveBy"), resolvedAt: nil,
                closedAt: nil, version: event.version, updatedAt: event.recordedAt.iso8601, lastSequence: event.sequence)
        }
        guard var row = row else { return nil }
        if let status = Self.statusAfter[event.type] {
            row.status = status.rawValue
            if status == .resolved { row.resolvedAt = event.occurredAt.iso8601 }
            if status == .closed { row.closedAt = event.occurredAt.iso8601 }
        }
        switch event.type {
        case ComplaintHandedOver.typeName where row.status == ComplaintStatus.acknowledged.rawValue:
            row.status = ComplaintStatus.assigned.rawValue
        case ComplaintEscalated.typeName:
            row.level = event.string("to") ?? row.level
            row.setDeadlines(from: event)
        case ComplaintClockResumed.typeName:
            row.setDeadlines(from: event)
        case ComplaintExtensionGranted.typeName:
            row.resolveBy = event.string("resolveBy") ?? row.resolveBy
        default: break
        }
        return row.stamped(event)
    }
}

extension ComplaintProjection.Row {
    /// The deadlines an escalation or a resumed clock counted again.
    mutating func setDeadlines(from event: EventView) {
        self.respondBy = event.string("respondBy", in: "deadlines") ?? self.respondBy
        self.resolveBy = event.string("resolveBy", in: "deadlines") ?? self.resolveBy
    }
}
