import DossierCore
import Foundation

// Pieces the params and results of many methods share.

/// Params that may ask for a state as of a past time instead of now.
public protocol AsOfParams {
    var asOf: Timestamp? { get }
}

/// Where a command's first event landed.
public struct AppendReceipt: Codable, Hashable, Sendable {
    public var sequence: UInt64
    public var eventId: UUID
    /// A retry that found the original instead of appending again.
    public var deduplicated: Bool

    public init(sequence: UInt64, eventId: UUID, deduplicated: Bool) {
        self.sequence = sequence
        self.eventId = eventId
        self.deduplicated = deduplicated
    }
}
