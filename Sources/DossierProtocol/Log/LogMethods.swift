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

    public static let follow = Method(
        "log.follow",
        "Stream the log from a sequence on: what is there, then each event as it is appended, until the connection ends.",
        parameters: [
            .init("from", "integer", "first global sequence; default 1"),
            .init("batch", "integer", "most events per line, 1 to 1000; default 100"),
            .init("heartbeatSeconds", "integer", "send an empty line after this long without events, 1 to 300; default 10"),
        ],
        roles: auditors + [.viewer, .clerk, .approver], streaming: true)
    public static let treeHead = Method(
        "audit.tree-head",
        "The root of the log's Merkle tree (RFC 6962) at a size, signed when the daemon has a signing key.",
        parameters: [.init("size", "integer", "the tree of the first size events; default all")],
        roles: everyone)
    public static let proveInclusion = Method(
        "audit.prove-inclusion", "The proof that an event is in the log's Merkle tree of a size.",
        parameters: [
            .init("sequence", "integer", required: true, "the event's sequence"),
            .init("size", "integer", "the tree of the first size events; default all"),
        ],
        roles: auditors + [.viewer, .clerk, .approver])
    public static let proveConsistency = Method(
        "audit.prove-consistency", "The proof that the log's Merkle tree of a size extends the tree of an earlier size.",
        parameters: [
            .init("oldSize", "integer", required: true, "the earlier size, as a saved tree head gives it"),
            .init("size", "integer", "the later size; default all"),
        ],
        roles: auditors + [.viewer, .clerk, .approver])

    /// The log and audit methods, in the order `system.methods` lists them.
    static let log: [Method] = [
        .readLog, .follow, .head, .verify, .replay, .treeHead, .proveInclusion, .proveConsistency,
    ]
}
