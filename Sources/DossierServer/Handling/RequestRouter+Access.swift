import DossierCore
import DossierProtocol
import Foundation
import Logging
import NIOCore

extension RequestRouter {
    /// Denials are logged at notice, but a client denied in a loop must not flood the journal.
    static let denialLog = LogRateLimiter(burst: 20, interval: .seconds(10))

    /// Whether a caller with `role` (nil: none) may call `method`.
    ///
    /// `Method.roles` is the only source of truth; a role holds no method it does not list.
    /// `system.hello` is open to every peer, with or without a role, so that anyone can learn
    /// who the server thinks they are and which role they have.
    public static func mayCall(_ method: Method, role: Role?) -> Bool {
        if method.name == Method.hello.name { return true }
        guard let role else { return false }
        return method.roles.contains(role)
    }

    /// The `dossier.Forbidden` reply when the caller's role may not call the requested method;
    /// nil when it may.
    func refusal(of header: RequestHeader, context: RequestContext) -> ByteBuffer? {
        guard let method = self.methods[header.method], !Self.mayCall(method, role: context.role) else { return nil }
        let role = context.role?.rawValue ?? "none"
        Self.denialLog { suppressed in
            var metadata: Logger.Metadata = ["peer.role": "\(role)", "error.code": "\(ErrorCode.forbidden)"]
            if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
            context.logger.notice("request denied", metadata: metadata)
        }
        let message =
            context.role == nil
            ? "you (uid \(context.peer.uid)) have no role on this daemon, so you may not call \(method.name); "
                + "ask the operator to map your user or group in [access]"
            : "the role \(role) may not call \(method.name); it needs one of: "
                + method.roles.map(\.rawValue).joined(separator: ", ")
        return Self.errorLine(
            id: header.id,
            WireError(
                code: .forbidden, message: message,
                details: ["method": .string(method.name), "role": .string(role)]))
    }

    /// The reply line for a result, without the confidential fields `role` may not see under
    /// `access` (the daemon's `[access.confidential]`).
    ///
    /// Results without confidential fields, and callers who may see them all, take the direct
    /// path; otherwise the result goes through a JSON value once to lose the fields.
    static func encodeReply<Result: Encodable>(
        id: RequestID?, result: Result, for role: Role?, access: ConfidentialAccess = ConfidentialAccess(),
        more: Bool? = nil
    ) throws -> ByteBuffer {
        if let confidential = Result.self as? any HasConfidentialFields.Type {
            let fields = confidential.confidentialFields
            if fields.contains(where: { !access.isVisible($0.confidentiality, to: role) }) {
                let value = try DossierJSON.decode(JSONValue.self, from: DossierJSON.encode(result))
                return try Self.encodeLine(Reply(id: id, result: value.redacted(fields, for: role, access: access), more: more))
            }
        }
        return try Self.encodeLine(Reply(id: id, result: result, more: more))
    }
}
