import DossierProtocol
import NIOCore

/// What a streaming method's producer sends through: each result becomes one reply line of the
/// request, `"more": true` on all but the last, with the fields the caller's role may not see
/// left out, as in any reply.
struct StreamSender<Result: Encodable & Sendable>: Sendable {
    let id: RequestID?
    let role: Role?
    let access: ConfidentialAccess
    let stream: ReplyStream

    /// Sends one line; false when the connection is gone (stop producing then).
    func send(_ result: Result, more: Bool) async throws -> Bool {
        let line = try RequestRouter.encodeReply(
            id: self.id, result: result, for: self.role, access: self.access, more: more ? true : nil)
        return await self.stream.send(line)
    }

    /// Whether the daemon is stopping: send a last line (`more: false`) and return.
    var isStopping: Bool { self.stream.isStopping }

    /// Whether to send a last line once caught up instead of waiting for more.
    var endsWhenCaughtUp: Bool { self.stream.endsWhenCaughtUp }
}
