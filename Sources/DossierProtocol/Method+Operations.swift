extension Method {
    public static let backup = Method(
        "admin.backup",
        "Write a compacted hot copy of the log into a new or empty directory, then verify the copy's hash chain.",
        parameters: [
            .init("path", "string", required: true, "absolute path of a new or empty directory on the daemon's machine")
        ],
        roles: auditors)
    public static let status = Method(
        "system.status",
        "Uptime, log head, storage use, connections, writer statistics and request latencies.",
        roles: everyone)
    public static let metrics = Method(
        "system.metrics", "Request, commit and log metrics in the Prometheus text format.", roles: auditors)

    /// The operations methods, in the order `system.methods` lists them.
    static let operations: [Method] = [.status, .metrics, .backup]
}
