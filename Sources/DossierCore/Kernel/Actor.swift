/// Who caused an event: the peer's uid as the kernel reported it on the socket, and the user
/// name the daemon mapped it to. Never only what a client claims.
public struct Actor: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uid: UInt32
    public let user: String

    public init(uid: UInt32, user: String) {
        self.uid = uid
        self.user = user
    }

    /// The daemon itself, for events it decides on its own (e.g. a linked automatic event).
    public static let system = Actor(uid: 0, user: "dossierd")

    public var description: String { "\(self.user)(\(self.uid))" }
}
