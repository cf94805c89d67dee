import DossierCore
import DossierProtocol

/// `dossier_ratings`: each customer's active rating on each scale (grade, score, reason, when it
/// took effect and is next due for review, who approved it) and a proposal waiting for approval.
/// Internal ratings are confidential: a sink whose role may not read them receives the events
/// withheld, and this table stays empty.
enum RatingProjection: ReplicaProjection {
    struct Key: Hashable, Codable, Sendable {
        var customer: String
        var scale: String
    }

    struct Row: Codable, Hashable, Sendable, StampedRow {
        var customer: String
        var scale: String
        var grade: String?
        var score: String?
        var reason: String?
        var effectiveOn: String?
        var nextReviewOn: String?
        var isDefault: Bool?
        var approvedAt: String?
        var approvedBy: String?
        var proposedGrade: String?
        var version: UInt64
        var updatedAt: String
        var lastSequence: UInt64
    }

    static let table = "dossier_ratings"
    static let keyColumns = ["customer", "scale"]
    static let numericColumns = ["score"]

    static func keys(of event: EventView) -> [Key] {
        // The quarterly rule's own record (`QuarterlyDowngradeRan`) lives in its rule stream; the
        // grades it lowers arrive as ordinary approvals in each rating stream.
        guard let subject = StreamID(rawValue: event.stream).ratingSubject else { return [] }
        return [Key(customer: subject.customer.rawValue, scale: subject.scale)]
    }

    static func apply(_ event: EventView, key: Key, to existing: Row?) -> Row? {
        var row = existing ?? Row(
            customer: key.customer, scale: key.scale, version: event.version, updatedAt: event.recordedAt.iso8601,
            lastSequence: event.sequence)
        switch event.type {
        case RatingProposed.typeName:
            row.proposedGrade = event.string("grade", in: "terms")
        case RatingApproved.typeName:
            row.grade = event.string("grade", in: "terms")
            row.score = event.decimal(event.data["terms"]?["score"])
            row.reason = event.string("reason", in: "terms")
            row.effectiveOn = event.string("effectiveOn", in: "terms")
            row.nextReviewOn = event.string("nextReviewOn", in: "terms")
            row.isDefault = event.bool("isDefault")
            row.approvedAt = event.recordedAt.iso8601
            row.approvedBy = event.actor.user
            row.proposedGrade = nil
        case RatingProposalWithdrawn.typeName:
            row.proposedGrade = nil
        default:
            // Withheld, or a type this sink does not know: nothing to fold, no row to invent.
            guard existing != nil else { return nil }
        }
        return row.stamped(event)
    }
}
