import Foundation

/// A fresh directory under /tmp for one test, removed afterwards. Paths stay short because a
/// Unix socket path may not exceed 107 bytes.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "dossier-test") throws {
        let path = "/tmp/\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.path = path
    }

    public func appending(_ component: String) -> String { "\(self.path)/\(component)" }

    public func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}

/// Runs `body` with a temporary directory that is removed when it returns or throws.
public func withTemporaryDirectory<R>(_ body: (TemporaryDirectory) async throws -> R) async throws -> R {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try await body(directory)
}
