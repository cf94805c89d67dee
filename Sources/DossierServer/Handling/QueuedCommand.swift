import DossierStore

/// A command queued to the writer, and how to turn its outcome into the method's result.
///
/// `result` runs on the connection's event loop once the write is durable, never on the
/// writer's thread: it only shapes the outcome (whose state the writer already read) into
/// the result, and the reply is encoded there too.
struct QueuedCommand<Result: Encodable & Sendable>: Sendable {
    /// Calls its argument once the write is done, with a function that gives the result or
    /// throws the write's failure (to be called where the reply is built).
    let whenComplete: @Sendable (@escaping @Sendable (@escaping @Sendable () throws -> Result) -> Void) -> Void

    init<Outcome: Sendable>(_ pending: PendingWrite<Outcome>, result: @escaping @Sendable (Outcome) throws -> Result) {
        self.whenComplete = { body in
            pending.whenComplete { outcome in body { try result(outcome.get()) } }
        }
    }
}
