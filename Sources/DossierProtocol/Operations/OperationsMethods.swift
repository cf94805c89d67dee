extension Method {
    public static let backup = Method(
        "admin.backup",
        "Write a compacted hot copy of the log into a new or empty directory, then verify the copy's hash chain.",
        parameters: [
            .init(
                "path", "string", required: true,
                "absolute path on the daemon's machine: a new directory (its parent must exist), or an empty one of the daemon's user with mode 0700")
        ],
        // Admins only: a backup makes the daemon create files as its own user, and a copy holds
        // every confidential field. Auditors check copies (`audit.verify` on a restored daemon).
        roles: [.admin])
    public static let status = Method(
        "system.status",
        "Uptime, log head, storage use, connections, writer statistics and request latencies.",
        roles: everyone)
    public static let metrics = Method(
        "system.metrics", "Request, commit and log metrics in the Prometheus text format.", roles: auditors)

    /// The operations methods, in the order `system.methods` lists them.
    static let operations: [Method] = [.status, .metrics, .backup]
}
