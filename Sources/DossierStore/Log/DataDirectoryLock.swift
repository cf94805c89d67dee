import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a data directory to one daemon: an exclusive `flock` on `dossierd.lock` inside it,
/// held for as long as the store is open.
///
/// Two daemons on one directory would both write the log (LMDB serialises their commits, but
/// each keeps its own idea of the map size and its projections' caches), and one growing the
/// map under the other's readers crashed the other inside liblmdb. The lock file also says
/// who holds it (pid and a description such as the socket), so the second daemon's refusal
/// can name the first. The kernel drops the lock when the holder dies, even by `kill -9`, so
/// a stale file never blocks a restart.
final class DataDirectoryLock: Sendable {
    static let fileName = "dossierd.lock"

    private let descriptor: Int32

    /// Takes the lock or throws `StoreError.dataDirectoryInUse` naming the holder.
    /// - Parameters:
    ///   - directory: the data directory, which exists.
    ///   - holder: who takes it, written into the file after the pid (e.g. `socket /run/...`).
    init(directory: String, holder: String) throws(StoreError) {
        let path = directory + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotCreateDirectory(path: directory, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let current = Self.contents(of: descriptor)
            close(descriptor)
            throw .dataDirectoryInUse(path: directory, holder: current.isEmpty ? "another process" : current)
        }
        let text = "dossierd pid \(getpid())" + (holder.isEmpty ? "" : ", \(holder)") + "\n"
        ftruncate(descriptor, 0)
        _ = text.utf8CString.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count - 1, 0) }
        self.descriptor = descriptor
    }

    /// Takes the lock shared, for a reader of a stopped daemon's files (`dossierd verify`):
    /// refused while a daemon holds it, and keeping a daemon from starting while held. Nothing
    /// is written: a directory without a lock file was never served and needs no lock.
    /// - Returns: nil when the directory has no lock file.
    static func forReading(directory: String) throws(StoreError) -> DataDirectoryLock? {
        let path = directory + "/" + Self.fileName
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .cannotCreateDirectory(path: directory, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            let current = Self.contents(of: descriptor)
            close(descriptor)
            throw .dataDirectoryInUse(path: directory, holder: current.isEmpty ? "another process" : current)
        }
        return DataDirectoryLock(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        // Closing the last descriptor of the open file releases the lock.
        close(self.descriptor)
    }

    /// What the holder wrote, on one line.
    private static func contents(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
