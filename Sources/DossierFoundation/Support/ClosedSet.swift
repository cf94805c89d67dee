/// A string enum read from outside (wire, config, CLI): an unknown value is refused with the
/// list of allowed ones, so the person who typed it learns what to type instead.
public protocol ClosedSet: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension ClosedSet {
    /// The allowed values, comma-separated.
    public static var allowedValues: String { Self.allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be one of \(Self.allowedValues); got \"\(text)\"")
        }
        self = value
    }
}
