import DossierCore
import Foundation

// Parameters and results of the system methods. Field names are the wire names (camelCase).

public struct HelloResult: Codable, Hashable, Sendable {
    public var server: String
    public var version: String
    public var protocolVersion: Int
    /// The uid the daemon runs as (its effective uid). Optional so that this client still reads
    /// the hello of a daemon from before the field; such a daemon leaves it out.
    public var serverUid: UInt32?
    /// The caller's uid, as the kernel reported it to the daemon.
    public var uid: UInt32
    public var user: String
    public var role: Role?

    public init(
        server: String, version: String, protocolVersion: Int, serverUid: UInt32?, uid: UInt32, user: String,
        role: Role?
    ) {
        self.server = server
        self.version = version
        self.protocolVersion = protocolVersion
        self.serverUid = serverUid
        self.uid = uid
        self.user = user
        self.role = role
    }
}

public struct MethodsResult: Codable, Hashable, Sendable {
    public var methods: [Method]
    public init(methods: [Method]) { self.methods = methods }
}
