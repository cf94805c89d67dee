/// A named business rule, declared once in its domain's room: its stable id (what
/// `dossier.RuleViolation` reports as `details.rule`), one sentence saying what it requires,
/// and the other `details` keys a refusal under it carries. `RuleCatalog.all` lists every
/// rule; docs/PROTOCOL.md documents each (a test keeps both in step).
public struct Rule: Hashable, Sendable, CustomStringConvertible {
    /// `domain.snake_case`, stable once used: clients match on it.
    public let id: String
    /// What the rule requires, in one sentence.
    public let summary: String
    /// The keys of `details` a refusal reports besides `rule`.
    public let detailKeys: [String]

    public init(_ id: String, _ summary: String, details: [String] = []) {
        self.id = id
        self.summary = summary
        self.detailKeys = details
    }

    public var description: String { self.id }
}

extension Rule {
    /// A request id names one request: reusing it for a different one is refused.
    public static let requestUniqueID = Rule(
        "request.unique_id", "a request id identifies one request; a different request must use a new id",
        details: ["requestId"])

    /// The rules of the kernel, in the order docs/PROTOCOL.md lists them.
    static let kernel: [Rule] = [.requestUniqueID]
}
