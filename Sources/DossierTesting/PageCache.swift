import CPageCache
import Foundation

/// What the kernel's page cache holds of a file, for tests that must see a flush happen.
public enum PageCache {
    /// Pages of the file at `path` written but not yet on disk (dirty or under writeback);
    /// nil when the file cannot be opened or the kernel has no cachestat(2).
    public static func unflushedPages(of path: String) -> Int? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let pages = dossier_unflushed_pages(descriptor)
        return pages < 0 ? nil : Int(pages)
    }
}
