import DossierCore
import LMDB

/// The outcome of checking the hash chain from the first event to the head.
public struct VerificationReport: Sendable, Hashable {
    /// Events checked.
    public var events: UInt64
    /// The head recomputed from the events.
    public var computedHead: LogHead
    /// The head recorded in `meta`.
    public var storedHead: LogHead
    /// The first problem found, if any.
    public var failure: Failure?
    /// When checked against an earlier head: whether the log extends it (its chain reaches
    /// that hash at that sequence). nil when no earlier head was given.
    public var extendsEarlierHead: Bool? = nil

    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var sequence: UInt64
        public var reason: String
        public var description: String { "event \(self.sequence): \(self.reason)" }
    }

    public var isIntact: Bool { self.failure == nil }
}

extension DossierStore {
    /// Walks the whole log, recomputing every hash from the stored bytes (see `ChainVerifier`).
    public func verify(against earlier: LogHead? = nil, chunkSize: Int = 10_000) throws -> VerificationReport {
        do {
            return try ChainVerifier(environment: self.environment, databases: self.databases)
                .verify(against: earlier, chunkSize: chunkSize)
        } catch let error as LMDBError where error.code == .environmentClosed {
            throw StoreError.shuttingDown
        }
    }
}
