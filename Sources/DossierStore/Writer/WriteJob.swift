import LMDB

/// One caller's work for the writer thread, and how to answer the caller.
///
/// `perform` may run more than once (when its batch is retried after the map grew or after
/// another command failed at the storage level), so it keeps no state between runs except
/// its latest result.
final class WriteJob: @unchecked Sendable {
    // Guard: built by the submitting task and handed over under the writer's lock; from then
    // on only the writer thread touches it.
    let perform: (borrowing WriteTransaction, inout LogAppender) throws -> Void
    let succeed: () -> Void
    let fail: (any Error) -> Void

    init(
        perform: @escaping (borrowing WriteTransaction, inout LogAppender) throws -> Void,
        succeed: @escaping () -> Void,
        fail: @escaping (any Error) -> Void
    ) {
        self.perform = perform
        self.succeed = succeed
        self.fail = fail
    }
}
