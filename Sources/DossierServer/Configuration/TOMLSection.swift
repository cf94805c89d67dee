import DossierCore
import TOMLKit

/// Reads one table of the config file with typed, range-checked getters that name the key on
/// error, and remembers which keys were read so that unknown (misspelt) keys are reported.
final class TOMLSection {
    let path: String
    private let table: TOMLTable?
    private var readKeys: Set<String> = []
    private var children: [TOMLSection] = []
    /// An element of an array of tables: its keys are the array's, not keys of their own.
    private var isArrayElement = false

    init(table: TOMLTable?, path: String) {
        self.table = table
        self.path = path
    }

    func key(_ name: String) -> String { self.path.isEmpty ? name : "\(self.path).\(name)" }

    private func value(_ name: String) -> (any TOMLValueConvertible)? {
        self.readKeys.insert(name)
        return self.table?[name]
    }

    /// The table at the dotted `path` below this one (itself when empty), read once: asking
    /// again returns the same section, so it knows every key read from it.
    func descendant(_ path: String) throws(ConfigurationError) -> TOMLSection {
        var section = self
        for name in path.split(separator: ".") where !name.isEmpty {
            let name = String(name)
            if let child = section.children.first(where: { $0.path == section.key(name) }) {
                section = child
            } else {
                section = try section.section(name)
            }
        }
        return section
    }

    func section(_ name: String) throws(ConfigurationError) -> TOMLSection {
        let value = self.value(name)
        if let value, value.table == nil {
            throw ConfigurationError(key: self.key(name), message: "must be a table")
        }
        let child = TOMLSection(table: value?.table, path: self.key(name))
        self.children.append(child)
        return child
    }

    func string(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = self.value(name) else { return nil }
        guard let text = value.string else { throw ConfigurationError(key: self.key(name), message: "must be a string") }
        return text
    }

    func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let value = self.value(name) else { return nil }
        guard let flag = value.bool else { throw ConfigurationError(key: self.key(name), message: "must be true or false") }
        return flag
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = self.value(name) else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw ConfigurationError(
                key: self.key(name), message: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A size in bytes: an integer, or a string such as `64MiB` (KiB, MiB, GiB, TiB).
    func byteSize(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = self.value(name) else { return nil }
        let bytes: Int?
        if let number = value.int {
            bytes = number
        } else if let text = value.string {
            bytes = ByteSize.parse(text)
        } else {
            bytes = nil
        }
        guard let bytes, range.contains(bytes) else {
            throw ConfigurationError(
                key: self.key(name),
                message: "must be a size from \(ByteSize.format(range.lowerBound)) to \(ByteSize.format(range.upperBound)), "
                    + "as bytes or with KiB, MiB, GiB or TiB")
        }
        return bytes
    }

    func stringArray(_ name: String) throws(ConfigurationError) -> [String]? {
        guard let value = self.value(name) else { return nil }
        guard let array = value.array else { throw ConfigurationError(key: self.key(name), message: "must be an array of strings") }
        var result: [String] = []
        for element in array {
            guard let text = element.string else {
                throw ConfigurationError(key: self.key(name), message: "must be an array of strings")
            }
            result.append(text)
        }
        return result
    }

    /// A table whose values are all strings, such as `users = { alice = "clerk" }`, sorted by key.
    func stringTable(_ name: String) throws(ConfigurationError) -> [(key: String, value: String)]? {
        guard let value = self.value(name) else { return nil }
        guard let table = value.table else {
            throw ConfigurationError(key: self.key(name), message: "must be a table of strings, such as { alice = \"clerk\" }")
        }
        var entries: [(key: String, value: String)] = []
        for key in table.keys.sorted() {
            guard let text = table[key]?.string else {
                throw ConfigurationError(key: "\(self.key(name)).\(key)", message: "must be a string")
            }
            entries.append((key, text))
        }
        return entries
    }

    func integerArray(_ name: String, elementsIn range: ClosedRange<Int>) throws(ConfigurationError) -> [Int]? {
        guard let value = self.value(name) else { return nil }
        let message = "must be an array of integers from \(range.lowerBound) to \(range.upperBound)"
        guard let array = value.array else { throw ConfigurationError(key: self.key(name), message: message) }
        var result: [Int] = []
        for element in array {
            guard let number = element.int, range.contains(number) else {
                throw ConfigurationError(key: self.key(name), message: message)
            }
            result.append(number)
        }
        return result
    }

    /// An exact decimal, written as an integer or a string (`"0.15"`, `"66000000"`); a TOML
    /// float is refused, because binary floating point cannot hold most decimals exactly.
    func decimal(_ name: String) throws(ConfigurationError) -> ExactDecimal? {
        guard let value = self.value(name) else { return nil }
        if let number = value.int { return ExactDecimal(number) }
        guard let text = value.string, let decimal = ExactDecimal(text) else {
            throw ConfigurationError(
                key: self.key(name),
                message: "must be a decimal written as a string, such as \"0.15\" (at most 4 fraction digits)")
        }
        return decimal
    }

    /// An array of tables (`[[name]]` sections, or `name = [{ ... }, ...]`), one section per
    /// element, each reporting its own unknown keys. With `stringKey`, a string element is read
    /// as a table holding just that key (`grades = ["AAA", { name = "AA", ... }]`).
    func tableArray(_ name: String, orStringsAs stringKey: String? = nil) throws(ConfigurationError) -> [TOMLSection]? {
        guard let value = self.value(name) else { return nil }
        let message = "must be an array of tables" + (stringKey.map { " or strings (a table's \($0))" } ?? "")
        guard let array = value.array else { throw ConfigurationError(key: self.key(name), message: message) }
        var sections: [TOMLSection] = []
        for (index, element) in array.enumerated() {
            let table: TOMLTable
            if let elementTable = element.table {
                table = elementTable
            } else if let stringKey, let text = element.string {
                table = TOMLTable()
                table[stringKey] = text
            } else {
                throw ConfigurationError(key: "\(self.key(name))[\(index)]", message: message)
            }
            let section = TOMLSection(table: table, path: "\(self.key(name))[\(index)]")
            section.isArrayElement = true
            self.children.append(section)
            sections.append(section)
        }
        return sections
    }

    /// The dotted keys present in the file, this table's and its sub-tables' (an array of
    /// tables counts as its own key).
    func presentKeys() -> [String] {
        guard !self.isArrayElement else { return [] }
        let own = (self.table?.keys ?? []).map(self.key)
        return own + self.children.flatMap { $0.presentKeys() }
    }

    /// Throws for the first key present in the file that nothing read: usually a typo.
    func rejectUnknownKeys() throws(ConfigurationError) {
        for name in (self.table?.keys ?? []).sorted() where !self.readKeys.contains(name) {
            throw ConfigurationError(key: self.key(name), message: "is not a known setting (see config/dossierd.toml)")
        }
        for child in self.children { try child.rejectUnknownKeys() }
    }
}

/// Sizes written as `64MiB`, `1TiB` or plain bytes.
enum ByteSize {
    static let units: [(String, Int)] = [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]

    static func parse(_ text: String) -> Int? {
        for (suffix, factor) in Self.units where text.hasSuffix(suffix) {
            guard let number = Int(text.dropLast(suffix.count).trimmingCharacters(in: " ")), number >= 0 else {
                return nil
            }
            let (product, overflow) = number.multipliedReportingOverflow(by: factor)
            return overflow ? nil : product
        }
        return Int(text)
    }

    static func format(_ bytes: Int) -> String {
        for (suffix, factor) in Self.units where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes)B"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = self
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
