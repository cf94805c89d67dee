import DossierProtocol
import Foundation
import Synchronization

/// What the crash test's clients know for certain, shared by all their threads: every request
/// id they sent (so an event nobody asked for is caught) and every event the daemon
/// acknowledged (so a lost or moved one is caught).
final class Ledger: Sendable {
    enum Entity: Hashable, Sendable {
        case customer(String)
        case complaint(String)
    }

    struct Acknowledgement: Hashable, Sendable {
        var eventID: UUID
        /// Where the reply said the event landed.
        var sequence: UInt64
        var entity: Entity
        var run: Int
    }

    private struct State {
        var sent: Set<UUID> = []
        var acknowledged: [Acknowledgement] = []
        var refusals: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// Records a request id before the request is written, so its event is never a stranger.
    func sent(_ requestID: UUID) {
        _ = self.state.withLock { $0.sent.insert(requestID) }
    }

    func acknowledged(_ receipt: AppendReceipt, entity: Entity, run: Int) {
        let acknowledgement = Acknowledgement(eventID: receipt.eventId, sequence: receipt.sequence, entity: entity, run: run)
        self.state.withLock { $0.acknowledged.append(acknowledgement) }
    }

    /// A request the daemon answered with an error (a rule, a version conflict): fine, counted.
    func refused(_ code: ErrorCode) {
        self.state.withLock { $0.refusals[code.rawValue, default: 0] += 1 }
    }

    var sentIDs: Set<UUID> { self.state.withLock { $0.sent } }
    var acknowledgements: [Acknowledgement] { self.state.withLock { $0.acknowledged } }
    var refusals: [String: Int] { self.state.withLock { $0.refusals } }

    func acknowledgements(ofRun run: Int) -> [Acknowledgement] {
        self.state.withLock { $0.acknowledged.filter { $0.run == run } }
    }
}
