import Foundation
import LMDB

/// Runs `body` with a fresh directory under the system temporary directory, removed afterwards.
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("lmdb-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Runs `body` with an environment in a fresh directory and its database `test`.
func withEnvironment<R>(
    _ configuration: Environment.Configuration = .init(),
    _ body: (Environment, Database) throws -> R
) throws -> R {
    try withTemporaryDirectory { path in
        let environment = try Environment(path: path, configuration: configuration)
        defer { environment.close() }
        let database = try environment.openDatabase(named: "test")
        return try body(environment, database)
    }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ buffer: UnsafeRawBufferPointer) -> String { String(decoding: buffer, as: UTF8.self) }

/// Eight big-endian bytes: keys that sort like the numbers.
func bigEndian(_ value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}

/// A value of `size` bytes that differs for every `index`.
func patternValue(index: Int, size: Int) -> [UInt8] {
    var value = [UInt8](repeating: UInt8(truncatingIfNeeded: index &* 31 &+ 7), count: size)
    let prefix = bigEndian(UInt64(index))
    value.replaceSubrange(0..<min(8, size), with: prefix.prefix(min(8, size)))
    return value
}

/// Every key of `database`, as text, in the order `scan` visits them.
func scannedKeys(
    _ environment: Environment, _ database: Database, from start: [UInt8]? = nil, reverse: Bool = false,
    limit: Int = .max
) throws -> [String] {
    try environment.read { txn in
        var keys: [String] = []
        try txn.scan(database, from: start, reverse: reverse) { key, _ in
            keys.append(text(key))
            return keys.count < limit
        }
        return keys
    }
}

/// Collects values from several threads.
final class LockedList<Element: Sendable>: @unchecked Sendable {
    // Guard: every access to `elements` holds `lock`.
    private let lock = NSLock()
    private var elements: [Element] = []

    func append(_ element: Element) {
        self.lock.lock()
        defer { self.lock.unlock() }
        self.elements.append(element)
    }

    var all: [Element] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.elements
    }
}

struct Boom: Error, Equatable {}
