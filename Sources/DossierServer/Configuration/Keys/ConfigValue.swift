import DossierCore
import DossierStore
import Logging

/// A kind of config value: what it is called in the documentation, how it is read from the
/// file (typed, range-checked, naming the key on error) and from an environment variable, and
/// how it is written back (`--check-config`, `--config-keys`).
struct ConfigValue<Value: Sendable>: Sendable {
    /// E.g. `integer from 1 to 8`, `size`, `one of full, meta_async, none`.
    let description: String
    /// The value of `name` in `section`, nil when the file leaves it out.
    let read: @Sendable (TOMLSection, String) throws(ConfigurationError) -> Value?
    /// The value written as TOML.
    let render: @Sendable (Value) -> String
    /// The value from an environment variable's text, for keys that have one.
    var parse: (@Sendable (String, String) throws(ConfigurationError) -> Value)? = nil
}

extension ConfigValue where Value == String {
    /// Any string; `nonEmpty` keeps an empty string from replacing the current value (paths
    /// whose empty default means "the built-in default").
    static func string(nonEmpty: Bool = false) -> ConfigValue {
        ConfigValue(
            description: "string",
            read: { section, name throws(ConfigurationError) in
                guard let text = try section.string(name), !(nonEmpty && text.isEmpty) else { return nil }
                return text
            },
            render: { "\"\($0)\"" },
            parse: { text, _ in text })
    }
}

extension ConfigValue where Value == Int {
    static func integer(_ range: ClosedRange<Int>) -> ConfigValue {
        ConfigValue(
            description: "integer from \(range.lowerBound) to \(range.upperBound)",
            read: { section, name throws(ConfigurationError) in try section.integer(name, in: range) },
            render: { String($0) })
    }

    /// Bytes, as an integer or a string such as `64MiB`.
    static func size(_ range: ClosedRange<Int>) -> ConfigValue {
        ConfigValue(
            description: "size from \(ByteSize.format(range.lowerBound)) to \(ByteSize.format(range.upperBound))",
            read: { section, name throws(ConfigurationError) in try section.byteSize(name, in: range) },
            render: { "\"\(ByteSize.format($0))\"" })
    }
}

extension ConfigValue where Value == Bool {
    static let bool = ConfigValue(
        description: "true or false",
        read: { section, name throws(ConfigurationError) in try section.bool(name) },
        render: { String($0) })
}

extension ConfigValue where Value == UInt16 {
    /// A file mode written as an octal string, `"0000"` to `"0777"`.
    static let fileMode = ConfigValue(
        description: "octal mode from \"0000\" to \"0777\"",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            guard let mode = UInt16(text, radix: 8), mode <= 0o777 else {
                throw ConfigurationError(key: section.key(name), message: "must be an octal mode such as \"0660\"")
            }
            return mode
        },
        render: { "\"0\(String($0, radix: 8))\"" })
}

extension ConfigValue {
    /// One of a closed set of names.
    static func choice(_ names: [String], _ make: @escaping @Sendable (String) -> Value?, _ name: @escaping @Sendable (Value) -> String)
        -> ConfigValue
    {
        let allowed = names.joined(separator: ", ")
        let parse: @Sendable (String, String) throws(ConfigurationError) -> Value = { text, key throws(ConfigurationError) in
            guard let value = make(text) else {
                throw ConfigurationError(key: key, message: "must be one of \(allowed)")
            }
            return value
        }
        return ConfigValue(
            description: "one of \(allowed)",
            read: { section, key throws(ConfigurationError) in
                guard let text = try section.string(key) else { return nil }
                return try parse(text, section.key(key))
            },
            render: { "\"\(name($0))\"" }, parse: parse)
    }
}

extension ConfigValue where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    static func choice(_: Value.Type = Value.self) -> ConfigValue {
        .choice(Value.allCases.map(\.rawValue), { Value(rawValue: $0) }, { $0.rawValue })
    }
}

extension ConfigValue where Value == Logger.Level {
    static let logLevel = ConfigValue.choice(Logger.Level.allCases.map(\.rawValue), { Logger.Level(rawValue: $0) }, { $0.rawValue })
}

extension ConfigValue where Value == ServiceDuration {
    /// A duration such as `30m`, `4h`, `15d`, `5wd`, at most a year: no complaint waits years,
    /// and longer clocks would make every deadline (and the check that responses are due
    /// before resolutions) walk that far.
    static let duration = ConfigValue(
        description: "duration (m, h, d, wd, wh, mo; at most a year)",
        read: { section, name throws(ConfigurationError) in
            guard let text = try section.string(name) else { return nil }
            guard let duration = ServiceDuration(text) else {
                throw ConfigurationError(
                    key: section.key(name), message: "must be a duration such as \"30m\", \"4h\", \"15d\", \"5wd\", \"8wh\" or \"1mo\"")
            }
            guard duration.isAtMostAYear else {
                throw ConfigurationError(
                    key: section.key(name), message: "must be at most a year: 527040m, 8784h, 366d, 366wd, 8784wh or 12mo")
            }
            return duration
        },
        render: { "\"\($0)\"" })
}

extension ConfigValue where Value == Set<LocalDate> {
    static let dates = ConfigValue(
        description: "array of dates (yyyy-MM-dd)",
        read: { section, name throws(ConfigurationError) in
            guard let texts = try section.stringArray(name) else { return nil }
            var dates = Set<LocalDate>()
            for text in texts {
                guard let date = LocalDate(text) else {
                    throw ConfigurationError(key: section.key(name), message: "\"\(text)\" is not a date like \"2026-10-01\"")
                }
                dates.insert(date)
            }
            return dates
        },
        render: { "[" + $0.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]" })
}

extension ConfigValue where Value == Set<Int> {
    static func integers(_ range: ClosedRange<Int>) -> ConfigValue {
        ConfigValue(
            description: "array of integers from \(range.lowerBound) to \(range.upperBound)",
            read: { section, name throws(ConfigurationError) in try section.integerArray(name, elementsIn: range).map(Set.init) },
            render: { "[" + $0.sorted().map(String.init).joined(separator: ", ") + "]" })
    }
}

extension ServiceDuration {
    var isAtMostAYear: Bool {
        switch self {
        case .minutes(let n): return n <= 366 * 24 * 60
        case .hours(let n), .workingHours(let n): return n <= 366 * 24
        case .days(let n), .workingDays(let n): return n <= 366
        case .months(let n): return n <= 12
        }
    }
}
