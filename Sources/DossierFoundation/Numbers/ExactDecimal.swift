/// A decimal number held exactly, never as floating point: a whole count of ten-thousandths.
///
/// Credit amounts, ratios (a provision ratio of 1.5%, a concentration limit of 15%) and rating
/// scores are decimals that people compare to the last digit: binary floating point cannot
/// hold 0.15 or 0.1 exactly, and a sum of amounts must not drift. Four fraction digits carry
/// every ratio and score the policy uses; amounts carry cents. The range is about ±922
/// trillion, ample for any one bank's figures.
///
/// Sums and products saturate at the ends of the range instead of trapping: they come from
/// client input, which must never crash the daemon, and a saturated sum still exceeds every
/// limit it is compared with.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Fraction digits held.
    public static let fractionDigits = 4
    static let unitsPerOne: Int64 = 10_000

    /// The value times 10,000.
    public let tenThousandths: Int64

    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

    /// A whole number.
    public init(_ whole: Int) {
        let (units, overflow) = Int64(whole).multipliedReportingOverflow(by: Self.unitsPerOne)
        self.tenThousandths = overflow ? (whole < 0 ? .min : .max) : units
    }

    public static let zero = ExactDecimal(tenThousandths: 0)

    /// Parses `-12.5`, `100`, `0.0150`: an optional minus, digits, and at most four fraction
    /// digits after a point. No exponent, no grouping, no spaces; nil when out of range.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let fraction = point.map { bytes[bytes.index(after: $0)...] } ?? []
        guard !whole.isEmpty, point == nil || !fraction.isEmpty, fraction.count <= Self.fractionDigits,
            (whole + fraction).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        var units: Int64 = 0
        for digit in whole + fraction + Array(repeating: UInt8(ascii: "0"), count: Self.fractionDigits - fraction.count)
        {
            let (shifted, overflow) = units.multipliedReportingOverflow(by: 10)
            let (added, overflowAdding) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            guard !overflow, !overflowAdding else { return nil }
            units = added
        }
        self.tenThousandths = negative ? -units : units
    }

    /// The shortest exact form: `12.5`, `100`, `-0.015`.
    public var description: String {
        let text = self.formatted(fractionDigits: Self.fractionDigits)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return String(trimmed)
    }

    /// Fixed fraction digits, rounding toward zero beyond them: `formatted(fractionDigits: 2)`
    /// of 12.5 is `12.50`.
    public func formatted(fractionDigits: Int) -> String {
        let digits = min(max(0, fractionDigits), Self.fractionDigits)
        let magnitude = self.tenThousandths.magnitude
        let whole = magnitude / UInt64(Self.unitsPerOne)
        var fraction = String(magnitude % UInt64(Self.unitsPerOne))
        fraction = String(repeating: "0", count: Self.fractionDigits - fraction.count) + fraction
        let sign = self.tenThousandths < 0 && (whole != 0 || fraction.prefix(digits).contains { $0 != "0" }) ? "-" : ""
        return sign + String(whole) + (digits == 0 ? "" : "." + fraction.prefix(digits))
    }

    /// How many fraction digits the value needs (0 for a whole number, 2 for 12.34).
    public var significantFractionDigits: Int {
        var units = self.tenThousandths
        var digits = Self.fractionDigits
        while digits > 0, units % 10 == 0 {
            units /= 10
            digits -= 1
        }
        return digits
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (sum, overflow) = lhs.tenThousandths.addingReportingOverflow(rhs.tenThousandths)
        guard overflow else { return ExactDecimal(tenThousandths: sum) }
        return ExactDecimal(tenThousandths: rhs.tenThousandths > 0 ? .max : .min)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (difference, overflow) = lhs.tenThousandths.subtractingReportingOverflow(rhs.tenThousandths)
        guard overflow else { return ExactDecimal(tenThousandths: difference) }
        return ExactDecimal(tenThousandths: rhs.tenThousandths < 0 ? .max : .min)
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(tenThousandths: value.tenThousandths == .min ? .max : -value.tenThousandths)
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

    /// The product, rounded toward zero to four fraction digits: an amount times a ratio.
    public func multiplied(by other: ExactDecimal) -> ExactDecimal {
        let negative = (self.tenThousandths < 0) != (other.tenThousandths < 0)
        // |a·b| over 128 bits, then / 10^4 back into range.
        let product = self.tenThousandths.magnitude.multipliedFullWidth(by: other.tenThousandths.magnitude)
        return Self.quotient(product, by: UInt64(Self.unitsPerOne), negative: negative)
    }

    /// `self / other`, rounded toward zero to four fraction digits (a share such as exposure
    /// over net capital); nil when `other` is zero.
    public func divided(by other: ExactDecimal) -> ExactDecimal? {
        guard other.tenThousandths != 0 else { return nil }
        let negative = (self.tenThousandths < 0) != (other.tenThousandths < 0)
        let numerator = self.tenThousandths.magnitude.multipliedFullWidth(by: UInt64(Self.unitsPerOne))
        return Self.quotient(numerator, by: other.tenThousandths.magnitude, negative: negative)
    }

    /// `numerator / divisor` as a value of the given sign, saturating when it does not fit.
    private static func quotient(_ numerator: (high: UInt64, low: UInt64), by divisor: UInt64, negative: Bool)
        -> ExactDecimal
    {
        let saturated = ExactDecimal(tenThousandths: negative ? .min : .max)
        guard numerator.high < divisor else { return saturated }
        let (quotient, _) = divisor.dividingFullWidth(numerator)
        guard quotient <= UInt64(Int64.max) else { return saturated }
        return ExactDecimal(tenThousandths: negative ? -Int64(quotient) : Int64(quotient))
    }
}

extension ExactDecimal: Codable {
    /// On the wire and in payloads: a JSON string such as `"50000000.00"`, never a JSON
    /// number, which decoders read as binary floating point.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "expected a decimal such as \"1250000.50\" (at most 4 fraction digits), got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
