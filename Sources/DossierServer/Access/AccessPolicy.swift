import DossierProtocol
#if canImport(Glibc)
import Glibc
#endif

/// Maps a peer's kernel-reported credentials to its one role.
///
/// Every rule that matches the peer gives a role: its uid in `users`, any of its groups in
/// `groups`, root and the daemon's own user as admin (unless turned off). The highest of them
/// wins, in the order viewer < clerk < approver < auditor < admin; when none matches, the peer
/// gets `unknown`. A role holds exactly the methods that list it in `Method.roles`: there is no
/// implied hierarchy beyond what those lists say.
public struct AccessPolicy: Sendable {
    public var configuration: AccessConfiguration
    /// The uid the daemon runs as.
    public var daemonUID: UInt32

    public init(configuration: AccessConfiguration, daemonUID: UInt32 = getuid()) {
        self.configuration = configuration
        self.daemonUID = daemonUID
    }

    /// The role of a peer with `uid` in `groups` (its primary gid first).
    public func role(uid: UInt32, groups: some Sequence<UInt32>) -> Role? {
        var matched: [Role] = []
        if let role = self.configuration.users[uid] { matched.append(role) }
        for gid in groups {
            if let role = self.configuration.groups[gid] { matched.append(role) }
        }
        if uid == 0 && self.configuration.rootIsAdmin { matched.append(.admin) }
        if uid == self.daemonUID && self.configuration.daemonUserIsAdmin { matched.append(.admin) }
        return matched.max() ?? self.configuration.unknown
    }

    /// The role of a connected peer. Looks up its supplementary groups only when group rules
    /// exist.
    public func role(of peer: PeerCredentials) -> Role? {
        guard !self.configuration.groups.isEmpty else { return self.role(uid: peer.uid, groups: [peer.gid]) }
        let groups = Self.groups(user: SystemAccounts.userName(of: peer.uid), primary: peer.gid)
        return self.role(uid: peer.uid, groups: groups)
    }

    /// The primary gid plus the groups the group database lists for `user` (as `id` shows them).
    ///
    /// SO_PEERCRED reports only the primary gid; the supplementary groups come from the group
    /// database, so membership is that of the user account, not of the connecting process.
    static func groups(user: String?, primary: UInt32) -> [UInt32] {
        guard let user else { return [primary] }
        var count: Int32 = 64
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let previous = count
            if getgrouplist(user, primary, &groups, &count) >= 0 {
                return [primary] + groups.prefix(Int(count)).filter { $0 != primary }
            }
            // Too small: `count` now holds the number needed.
            guard count > previous, count <= 65_536 else { return [primary] }
        }
    }
}
