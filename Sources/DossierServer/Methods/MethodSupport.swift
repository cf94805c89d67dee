import DossierCore
import DossierProtocol
import DossierStore
import Foundation

/// What the handlers of every room share: paging, receipts, where a state read runs.
extension DossierMethods {
    static let defaultPageSize = 100
    static let maximumPageSize = 1000

    /// A state now is one projection row; a state as of a past time folds the stream's history.
    @Sendable static func costOfState(_ params: some AsOfParams) -> ReadCost {
        params.asOf == nil ? .quick : .long
    }

    static func pageSize(_ requested: Int?) throws(DomainError) -> Int {
        guard let requested else { return Self.defaultPageSize }
        guard (1...Self.maximumPageSize).contains(requested) else {
            throw .invalidField(field: "limit", reason: "must be from 1 to \(Self.maximumPageSize)")
        }
        return requested
    }

    /// Where a command's first event landed, and whether it was a retry.
    static func receipt<State>(_ outcome: CommandOutcome<State>) -> AppendReceipt? {
        outcome.events.first.map {
            AppendReceipt(sequence: $0.sequence, eventId: $0.id, deduplicated: outcome.deduplicated)
        }
    }

    /// The state a command's reply shows. The executor read it in the writer's transaction
    /// right after the command's events (or, for a retry, folded it up to the original
    /// events), so it is never a later write's state; it exists after every command that
    /// appended to its stream.
    static func replyState<State>(_ outcome: CommandOutcome<State>) throws -> State {
        guard let state = outcome.state else {
            throw StoreError.invalidDecision("the command's reply stream has no state after its events")
        }
        return state
    }
}

extension DossierMethods {
    /// Queues `command` as the caller, with its idempotency key and the version its primary
    /// stream must be at; the reply is `result` of the outcome.
    static func queue<Command: StoreCommand, Result: Encodable & Sendable>(
        _ command: Command, on store: DossierStore, for context: RequestContext, requestID: UUID?,
        expectedVersion: ExpectedVersion? = nil,
        result: @escaping @Sendable (CommandOutcome<Command.ReplyState>) throws -> Result
    ) -> QueuedCommand<Result> {
        let metadata = CommandMetadata(actor: context.actor, requestID: requestID, expectedVersion: expectedVersion)
        return QueuedCommand(store.enqueue(command, metadata: metadata), result: result)
    }
}
