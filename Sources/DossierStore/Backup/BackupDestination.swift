import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The directory a backup is written into, held open by descriptor from the moment it is
/// checked, so that nothing another user does to the path afterwards (a symlink swapped in, a
/// directory renamed) redirects what the daemon writes.
///
/// A backup writes files as the daemon's user, at a path a caller names: without care, any
/// caller could make the daemon overwrite whatever it may write. So the directory is created
/// here (mode 0700), or, when it exists, must be a real directory (no symlink), owned by the
/// daemon's user, open to nobody else and empty; the copy is created inside it with
/// `O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600 whatever the umask.
final class BackupDestination: Sendable {
    /// The file the copy goes to, inside the directory.
    static let dataFileName = "data.mdb"

    let path: String
    /// The directory, open (`O_DIRECTORY | O_NOFOLLOW`).
    let directory: Int32
    /// Whether this backup created the directory (and so removes it when the copy fails).
    let created: Bool

    /// Creates `path` (its parent must exist), or checks the existing directory, and opens it.
    init(path: String) throws(BackupError) {
        guard path.hasPrefix("/") else { throw .notAbsolute(path: path) }
        self.path = path
        var created = false
        if mkdir(path, 0o700) == 0 {
            created = true
        } else if errno != EEXIST {
            // Only the last component: a missing parent is more likely a typo than a wish.
            throw .cannotCreate(path: path, reason: Self.lastError())
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if created { rmdir(path) }
            // With O_DIRECTORY, Linux answers ENOTDIR rather than ELOOP for a symlink: ask lstat.
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: path) }
            switch code {
            case ELOOP: throw .symbolicLink(path: path)
            case ENOTDIR: throw .notADirectory(path: path)
            default: throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
            }
        }
        self.directory = descriptor
        self.created = created
        do {
            try self.checkOwnershipAndContents()
        } catch {
            self.discard()
            throw error
        }
    }

    deinit {
        close(self.directory)
    }

    /// The directory must be the daemon's alone and hold nothing, checked on the open
    /// descriptor (not the path, which could change in between).
    private func checkOwnershipAndContents() throws(BackupError) {
        var status = stat()
        guard fstat(self.directory, &status) == 0 else {
            throw .cannotCreate(path: self.path, reason: Self.lastError())
        }
        guard status.st_uid == geteuid() else { throw .notOwned(path: self.path, owner: status.st_uid) }
        if self.created {
            // mkdir applied the umask; make the mode exact.
            guard fchmod(self.directory, 0o700) == 0 else {
                throw .cannotCreate(path: self.path, reason: Self.lastError())
            }
        } else {
            let mode = status.st_mode & 0o7777
            guard mode & 0o077 == 0 else { throw .openToOthers(path: self.path, mode: mode) }
            guard try self.isEmpty() else { throw .notEmpty(path: self.path) }
        }
    }

    private func isEmpty() throws(BackupError) -> Bool {
        let copy = dup(self.directory)
        guard copy >= 0, let stream = fdopendir(copy) else {
            throw .cannotCreate(path: self.path, reason: Self.lastError())
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// Creates the data file, which must not exist, readable and writable by the owner only.
    /// - Returns: its descriptor, open for writing; the caller closes it.
    func createDataFile() throws(BackupError) -> Int32 {
        let descriptor = openat(
            self.directory, Self.dataFileName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(path: self.path, reason: Self.lastError()) }
        // The umask may have taken bits away, never added any; this makes the mode exact.
        fchmod(descriptor, 0o600)
        return descriptor
    }

    /// The data file's path through the open directory: `/proc/self/fd/N/data.mdb` names the
    /// directory this backup checked, even if its path now leads elsewhere.
    var dataFileThroughDescriptor: String { "/proc/self/fd/\(self.directory)/\(Self.dataFileName)" }

    /// Flushes the directory entry of the new file.
    func syncDirectory() {
        fsync(self.directory)
    }

    /// Removes what this backup wrote: the data file, and the directory if it created it.
    func discard() {
        unlinkat(self.directory, Self.dataFileName, 0)
        if self.created { rmdir(self.path) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
