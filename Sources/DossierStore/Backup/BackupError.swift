/// Why a backup could not be written. The destination errors are the caller's to fix.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The destination is not an absolute path.
    case notAbsolute(path: String)
    /// The destination exists and is not a directory.
    case notADirectory(path: String)
    /// The destination is a symbolic link; a backup follows none.
    case symbolicLink(path: String)
    /// The destination directory belongs to another user.
    case notOwned(path: String, owner: UInt32)
    /// The destination directory is open to its group or to others.
    case openToOthers(path: String, mode: UInt32)
    /// The destination directory exists and holds files.
    case notEmpty(path: String)
    /// The destination cannot be created (its parent is missing or not writable).
    case cannotCreate(path: String, reason: String)
    /// The copy itself failed, e.g. the disk filled up; the partial copy was removed.
    case copyFailed(path: String, reason: String)

    public var path: String {
        switch self {
        case .notAbsolute(let path), .notADirectory(let path), .symbolicLink(let path), .notOwned(let path, _),
            .openToOthers(let path, _), .notEmpty(let path), .cannotCreate(let path, _), .copyFailed(let path, _):
            return path
        }
    }

    /// The destination was wrong, not the daemon.
    public var isDestinationProblem: Bool {
        if case .copyFailed = self { return false }
        return true
    }

    public var description: String {
        let choose = "choose a new path (the daemon creates it with mode 0700) or an empty directory of the daemon's user with mode 0700"
        switch self {
        case .notAbsolute(let path):
            return "the backup path \(path) is not absolute; give a full path"
        case .notADirectory(let path):
            return "the backup path \(path) exists and is not a directory; \(choose)"
        case .symbolicLink(let path):
            return "the backup path \(path) is a symbolic link, which a backup does not follow; \(choose)"
        case .notOwned(let path, let owner):
            return "the backup directory \(path) belongs to uid \(owner), not to the daemon's user; \(choose)"
        case .openToOthers(let path, let mode):
            return "the backup directory \(path) is open to other users (mode 0\(String(mode, radix: 8))); \(choose)"
        case .notEmpty(let path):
            return "the backup directory \(path) is not empty; \(choose)"
        case .cannotCreate(let path, let reason):
            return "cannot create the backup \(path) (\(reason)); create its parent or choose another path"
        case .copyFailed(let path, let reason):
            return "the copy to \(path) failed (\(reason)); the partial copy was removed"
        }
    }
}
