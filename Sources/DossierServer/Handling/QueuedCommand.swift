import DossierStore

/// A command queued to the writer, and how to turn its outcome into the method's result.
///
/// `result` runs on the connection's event loop after the write is durable, never on the
/// writer's thread: reading the projection row back and encoding the reply stay off the one
/// thread every write waits for.
struct QueuedCommand<Result: Encodable & Sendable>: Sendable {
    let pending: PendingWrite<CommandOutcome>
    let result: @Sendable (CommandOutcome) throws -> Result

    init(_ pending: PendingWrite<CommandOutcome>, result: @escaping @Sendable (CommandOutcome) throws -> Result) {
        self.pending = pending
        self.result = result
    }
}
