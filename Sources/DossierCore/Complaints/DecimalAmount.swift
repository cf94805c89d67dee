/// An amount of money as an exact decimal with two fraction digits (`5000`, `1234.5`,
/// `0.01`), never a floating-point number: stored as hundredths, written as a string on the
/// wire and in events (`"1234.50"`).
public struct DecimalAmount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in hundredths (cents, 分).
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Parses `123`, `123.4` or `123.45` (no sign, no exponent, no separators); nil otherwise
    /// and above 10^15.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 15,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let units = Int64(whole)
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(digits)
            else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        self.hundredths = units * 100 + fraction
    }

    public static let zero = DecimalAmount(hundredths: 0)

    /// `percent`% of the amount, rounded half up to a hundredth.
    public func share(percent: Int) -> DecimalAmount {
        DecimalAmount(hundredths: (self.hundredths * Int64(percent) + 50) / 100)
    }

    public static func < (lhs: DecimalAmount, rhs: DecimalAmount) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Always two fraction digits: `1234.50`.
    public var description: String {
        let cents = self.hundredths % 100
        return "\(self.hundredths / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let amount = DecimalAmount(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an amount such as \"5000\" or \"1234.50\", got \"\(text)\"")
        }
        self = amount
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
