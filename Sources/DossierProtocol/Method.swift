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

    public static let hello = Method(
        "system.hello", "Protocol and server version, and who the server thinks you are.", roles: everyone)
    public static let methods = Method(
        "system.methods", "Every method with its parameters and roles.", roles: everyone)

    public static let registerCustomer = Method(
        "customer.register", "Open a customer's dossier.",
        parameters: [
            .init("id", "string", required: true, "the bank's customer id: letters, digits, '.', '_', '-'"),
            .init("name", "string", required: true, "legal or personal name"),
            .init("kind", CustomerKind.choices, required: true, "kind of customer"),
            .init("stage", PoolStage.choices, "pool stage; default prospect"),
            .init("tier", CustomerTier.choices, "tier; default ordinary"),
            .init("requestId", "uuid", "idempotency key: a retry with the same key returns the original result"),
        ],
        roles: recorders)
    public static let showCustomer = Method(
        "customer.show", "One customer's state now, or as the log showed it at a past time.",
        parameters: [
            .init("id", "string", required: true, "customer id"),
            .init("asOf", "RFC 3339 time", "show the state as recorded at this time"),
        ],
        roles: everyone)
    public static let listCustomers = Method(
        "customer.list", "Customers in id order, a page at a time.",
        parameters: [
            .init("after", "string", "start after this id"), .init("limit", "integer", "page size, 1 to 1000; default 100"),
        ],
        roles: everyone)

    public static let flagCustomer = Method(
        "customer.flag", "Record a warning flag (bad record) on a customer.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("kind", FlagKind.choices, required: true, "what was observed"),
            .init("source", "string", required: true, "where the fact came from: bureau, system, branch"),
            .init("detail", "string", "free text"),
            .init("observedOn", "yyyy-MM-dd", "when it was observed; default today"),
            .init("response", FlagResponse.choices, "what the bank does about it"),
            .init("expectedVersion", "integer|any|stream_exists", "the customer stream's version this decision saw"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)

    public static let fileComplaint = Method(
        "complaint.file", "Record a received complaint; returns its number and deadlines.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("type", ComplaintType.choices, required: true, "what it is about"),
            .init("channel", ComplaintChannel.choices, required: true, "how it came in"),
            .init("level", ComplaintLevel.choices, required: true, "severity; sets the service level"),
            .init("subject", "string", required: true, "the product or event complained about"),
            .init("description", "string", "free text"),
            .init("anonymous", "bool", "the complainant gave no name"),
            .init("indirect", "bool", "came via a regulator or third party"),
            .init("unit", "string", "receiving unit code; default from policy"),
            .init("receivedAt", "RFC 3339 time", "when it was received; default now"),
            .init("incidentAt", "RFC 3339 time", "when the complained-about event happened"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)
    public static let showComplaint = Method(
        "complaint.show", "One complaint's state now, or as the log showed it at a past time.",
        parameters: [
            .init("number", "string", required: true, "complaint number"),
            .init("asOf", "RFC 3339 time", "show the state as recorded at this time"),
        ],
        roles: everyone)
    public static let listComplaints = Method(
        "complaint.list", "Complaints in number order, optionally of one customer.",
        parameters: [
            .init("customer", "string", "only this customer's"), .init("after", "string", "start after this number"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
        ],
        roles: everyone)

    public static let readLog = Method(
        "log.read", "Events of one stream, or of the whole log, in order.",
        parameters: [
            .init("stream", "string", "a stream such as customer-42; the whole log when absent"),
            .init("from", "integer", "first stream version, or first global sequence; default 1"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
        ],
        roles: auditors + [.viewer, .clerk, .approver])
    public static let head = Method(
        "log.head", "The last sequence and the head hash, to write down and check later.", roles: everyone)
    public static let verify = Method(
        "audit.verify", "Recompute the hash chain over the whole log and compare it with the head.", roles: auditors)
    public static let replay = Method(
        "audit.replay", "Rebuild every projection from the log with the current code and compare it byte for byte.",
        roles: auditors)

    /// Every method, in the order `system.methods` lists them.
    public static let all: [Method] = [
        .hello, .methods, .registerCustomer, .showCustomer, .listCustomers, .flagCustomer, .fileComplaint, .showComplaint,
        .listComplaints, .readLog, .head, .verify, .replay,
    ] + operations

    /// The protocol version `system.hello` reports; raised on incompatible changes only.
    public static let protocolVersion = 1
}

extension ClosedSet {
    /// The allowed values as a parameter type, e.g. `individual|corporate`.
    static var choices: String { Self.allCases.map(\.rawValue).joined(separator: "|") }
}
