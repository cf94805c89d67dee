import DossierCore

/// A method of the protocol: its wire name, what it does, its parameters and who may call it.
public struct Method: Hashable, Sendable, Codable {
    public struct Parameter: Hashable, Sendable, Codable {
        public var name: String
        public var type: String
        public var required: Bool
        public var summary: String

        public init(_ name: String, _ type: String, required: Bool = false, _ summary: String) {
            self.name = name
            self.type = type
            self.required = required
            self.summary = summary
        }
    }

    public var name: String
    public var summary: String
    public var parameters: [Parameter]
    public var roles: [Role]
    /// Replies come as several lines, all but the last with `"more": true`.
    public var streaming: Bool

    public init(_ name: String, _ summary: String, parameters: [Parameter] = [], roles: [Role], streaming: Bool = false) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.roles = roles
        self.streaming = streaming
    }
}

extension Method {
    static let everyone = Role.allCases
    static let recorders: [Role] = [.clerk, .approver, .admin]
    static let auditors: [Role] = [.auditor, .admin]
    /// Roles that decide what others propose (extensions, ratings, limits).
    static let approvers: [Role] = [.approver, .admin]

    /// Every method, in the order `system.methods` lists them: one line per room.
    public static let all: [Method] = system + customers + complaints + ratings + creditLimits + groups + imports + log + operations

    /// The protocol version `system.hello` reports; raised on incompatible changes only.
    public static let protocolVersion = 1
}

extension ClosedSet {
    /// The allowed values as a parameter type, e.g. `individual|corporate`.
    static var choices: String { Self.allCases.map(\.rawValue).joined(separator: "|") }
}
