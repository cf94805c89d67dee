import DossierCore

extension Method {
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
        "audit.verify", "Recompute the hash chain over the whole log and compare it with the head.",
        parameters: [
            .init(
                "against", "SEQUENCE:HASH",
                "a head written down earlier: also say whether today's log extends it")
        ],
        roles: auditors)
    public static let replay = Method(
        "audit.replay", "Rebuild every projection from the log with the current code and compare it byte for byte.",
        roles: auditors)

    /// The log and audit methods, in the order `system.methods` lists them.
    static let log: [Method] = [.readLog, .head, .verify, .replay]
}
