import Foundation
import TOMLKit

/// A mapping file (TOML) as the formats read it: typed getters that name the key on error,
/// and a check that every key in the file was read, so a misspelt key is an error rather than
/// a default silently kept.
public final class MappingFile {
    public let path: String
    private let table: TOMLTable
    private let prefix: String
    private var read: Set<String> = []
    private var children: [MappingFile] = []

    /// - Throws: `ImportFileError.badMapping` when the file cannot be read or is not TOML.
    public convenience init(path: String) throws(ImportFileError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error.localizedDescription)")
        }
        try self.init(text: text, path: path)
    }

    public convenience init(text: String, path: String) throws(ImportFileError) {
        do {
            self.init(table: try TOMLTable(string: text), path: path, prefix: "")
        } catch {
            throw .badMapping(path: path, reason: "not TOML: \(error)")
        }
    }

    /// An empty mapping: every setting at its default.
    public convenience init() {
        self.init(table: TOMLTable(), path: "(built-in)", prefix: "")
    }

    private init(table: TOMLTable, path: String, prefix: String) {
        self.table = table
        self.path = path
        self.prefix = prefix
    }

    private func fail(_ key: String, _ reason: String) -> ImportFileError {
        .badMapping(path: self.path, reason: "\(self.prefix)\(key) \(reason)")
    }

    private func value(_ key: String) -> (any TOMLValueConvertible)? {
        self.read.insert(key)
        return self.table[key]
    }

    public func string(_ key: String) throws(ImportFileError) -> String? {
        guard let value = self.value(key) else { return nil }
        guard let text = value.string else { throw self.fail(key, "must be a string") }
        return text
    }

    public func string(_ key: String, default fallback: String) throws(ImportFileError) -> String {
        try self.string(key) ?? fallback
    }

    public func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(ImportFileError) -> Int {
        guard let value = self.value(key) else { return fallback }
        guard let number = value.int, range.contains(number) else {
            throw self.fail(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    public func bool(_ key: String, default fallback: Bool) throws(ImportFileError) -> Bool {
        guard let value = self.value(key) else { return fallback }
        guard let flag = value.bool else { throw self.fail(key, "must be true or false") }
        return flag
    }

    public func strings(_ key: String, default fallback: [String]) throws(ImportFileError) -> [String] {
        guard let value = self.value(key) else { return fallback }
        guard let array = value.array, let texts = Optional(array.compactMap(\.string)), texts.count == array.count
        else { throw self.fail(key, "must be an array of strings") }
        return texts
    }

    /// A table of strings (`"Web" = "web"`), replacing `fallback` when the file has it.
    public func dictionary(_ key: String, default fallback: [String: String]) throws(ImportFileError) -> [String: String] {
        guard let value = self.value(key) else { return fallback }
        guard let table = value.table else { throw self.fail(key, "must be a table of strings") }
        var result: [String: String] = [:]
        for (name, entry) in table {
            guard let text = entry.string else { throw self.fail("\(key).\(name)", "must be a string") }
            result[name] = text
        }
        return result
    }

    /// A value from a closed list of names.
    public func choice<Value: RawRepresentable<String> & CaseIterable>(_ key: String, default fallback: Value)
        throws(ImportFileError) -> Value
    {
        guard let text = try self.string(key) else { return fallback }
        guard let value = Value(rawValue: text) else {
            throw self.fail(key, "must be one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// The sub-table `key` (empty when the file has none).
    public func table(_ key: String) throws(ImportFileError) -> MappingFile {
        let child: MappingFile
        if let value = self.value(key) {
            guard let table = value.table else { throw self.fail(key, "must be a table") }
            child = MappingFile(table: table, path: self.path, prefix: "\(self.prefix)\(key).")
        } else {
            child = MappingFile(table: TOMLTable(), path: self.path, prefix: "\(self.prefix)\(key).")
        }
        self.children.append(child)
        return child
    }

    /// The tables of the array of tables `key` (`[[type_rules]]`); nil when the file has none.
    public func tables(_ key: String) throws(ImportFileError) -> [MappingFile]? {
        guard let value = self.value(key) else { return nil }
        guard let array = value.array else { throw self.fail(key, "must be an array of tables") }
        var result: [MappingFile] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else { throw self.fail("\(key)[\(index)]", "must be a table") }
            let child = MappingFile(table: table, path: self.path, prefix: "\(self.prefix)\(key)[\(index)].")
            self.children.append(child)
            result.append(child)
        }
        return result
    }

    /// Reads `kind`, which a mapping file may give to say which kind it is for.
    public func check(kind expected: String) throws(ImportFileError) {
        if let kind = try self.string("kind"), kind != expected {
            throw self.fail("kind", "is \"\(kind)\"; this import is \(expected)")
        }
    }

    /// - Throws: `.badMapping` naming the first key of the file no format read (a misspelling).
    public func checkAllRead() throws(ImportFileError) {
        for key in self.table.keys.sorted() where !self.read.contains(key) {
            throw self.fail(key, "is not a setting of this format; see config/import/ for the keys")
        }
        for child in self.children { try child.checkAllRead() }
    }
}
