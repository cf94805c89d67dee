import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `journal.wal` in the data directory, opened so that no other file can stand in for it.
///
/// The journal decides which events exist after a crash, so a planted file must not be read
/// or written through: it is opened with `O_NOFOLLOW` (a symbolic link is refused, not
/// followed), and refused unless it is a regular file with one link, owned by the daemon's
/// user and readable by nobody else (mode 0600, as `data.mdb`).
final class JournalFile: Sendable {
    static let name = "journal.wal"

    let path: String
    // Guard: a descriptor is an integer; `pread`, `pwrite` and `fdatasync` are safe from any
    // thread, and the file is closed only once nothing writes (store shutdown).
    let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    static func path(in directory: String) -> String { directory + "/" + Self.name }

    /// The existing journal of `directory`, or nil when there is none.
    /// - Throws: `StoreError.journal` for a link, a foreign or readable file.
    static func openExisting(in directory: String) throws -> JournalFile? {
        let path = Self.path(in: directory)
        let fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw StoreError.journal("\(path) is a symbolic link; the journal must be a plain file") }
            throw Self.failure("open", path: path)
        }
        let file = JournalFile(path: path, descriptor: fd)
        do {
            try file.checkOwnership()
        } catch {
            file.close()
            throw error
        }
        return file
    }

    /// Creates the journal (refusing anything already at its path) and makes its name durable.
    static func create(in directory: String) throws -> JournalFile {
        let path = Self.path(in: directory)
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("create", path: path) }
        let file = JournalFile(path: path, descriptor: fd)
        try Self.syncDirectory(directory)
        return file
    }

    /// Removes the journal of `directory` (after its events were applied and flushed).
    static func remove(in directory: String) throws {
        guard unlink(Self.path(in: directory)) == 0 || errno == ENOENT else {
            throw Self.failure("remove", path: Self.path(in: directory))
        }
        try Self.syncDirectory(directory)
    }

    private func checkOwnership() throws {
        var info = stat()
        guard fstat(self.descriptor, &info) == 0 else { throw Self.failure("stat", path: self.path) }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            throw StoreError.journal("\(self.path) is not a plain file with one name; move it away and restart")
        }
        guard info.st_uid == geteuid() else {
            throw StoreError.journal(
                "\(self.path) belongs to uid \(info.st_uid), not to the daemon's uid \(geteuid()); "
                    + "it was not written by this daemon: move it away and restart")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw StoreError.journal(
                "\(self.path) has mode \(String(info.st_mode & 0o777, radix: 8)); the journal must be 0600: "
                    + "check who changed it, then chmod 600 it")
        }
    }

    /// Up to `count` bytes at `offset`; fewer at the end of the file.
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(self.descriptor, $0.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw Self.failure("read", path: self.path) }
            if got == 0 { break }
            done += got
        }
        return done == count ? bytes : Array(bytes[0..<done])
    }

    func write(_ bytes: [UInt8], at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes {
                pwrite(self.descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else { throw Self.failure("write", path: self.path, error: wrote < 0 ? errno : ENOSPC) }
            done += wrote
        }
    }

    /// `fdatasync`: the bytes written so far (and the size they need) are on the disk.
    func sync() throws {
        guard fdatasync(self.descriptor) == 0 else { throw Self.failure("fdatasync", path: self.path) }
    }

    func size() throws -> Int {
        var info = stat()
        guard fstat(self.descriptor, &info) == 0 else { throw Self.failure("stat", path: self.path) }
        return Int(info.st_size)
    }

    func close() {
        Glibc.close(self.descriptor)
    }

    private static func syncDirectory(_ directory: String) throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.failure("open", path: directory) }
        defer { Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw Self.failure("fsync", path: directory) }
    }

    /// A full disk is `diskFull` (what a client hears as StorageFull, reason disk); anything
    /// else names the call and the file.
    static func failure(_ operation: String, path: String, error: Int32 = errno) -> StoreError {
        if error == ENOSPC || error == EDQUOT { return .diskFull(path: path) }
        return .journal("\(operation) \(path): \(String(cString: strerror(error)))")
    }
}
