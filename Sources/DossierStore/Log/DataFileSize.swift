import Foundation
import LMDB

/// LMDB maps the whole data file and dies with SIGBUS on the first page past its end, so a
/// file shorter than its own meta page says is refused before any data page is read (opening
/// reads only the two meta pages at the start of the file).
enum DataFileSize {
    /// - Throws: `StoreError.corrupted` when `file` ends before the last page `environment` uses.
    static func checkNotTruncated(_ file: String, of environment: Environment) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else { return }
        let needed = environment.info().usedBytes
        guard size >= needed else {
            throw StoreError.corrupted(
                "\(file) is \(size) bytes but its last page ends at \(needed): the file is truncated")
        }
    }
}

extension DataFileSize {
    /// Whether the file system holding `directory` has less than a mebibyte left: then an I/O
    /// error of a commit is the disk filling up (a short write), not a failing disk.
    static func isNearlyFull(_ directory: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: directory),
            let free = (attributes[.systemFreeSize] as? NSNumber)?.int64Value
        else { return false }
        return free < 1 << 20
    }
}
