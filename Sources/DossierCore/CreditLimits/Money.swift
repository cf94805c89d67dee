/// An ISO 4217 currency code: three capital letters (`CNY`, `USD`).
public struct Currency: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let cny = Currency(rawValue: "CNY")

    public static func parse(_ text: String, field: String = "currency") throws(DomainError) -> Currency {
        guard text.utf8.count == 3, text.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else {
            throw .invalidField(field: field, reason: "must be an ISO 4217 code of three capital letters, such as CNY")
        }
        return Currency(rawValue: text)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }
}

/// An amount of money: an exact decimal (never floating point) with its currency. Amounts are
/// compared and summed only within one currency: the bank's rules here know no exchange rates.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: ExactDecimal
    public var currency: Currency

    public init(_ amount: ExactDecimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// An amount given by a client: positive (or zero when `allowingZero`), in whole cents.
    public static func parse(
        _ amount: ExactDecimal, currency: Currency, field: String = "amount", allowingZero: Bool = false
    ) throws(DomainError) -> Money {
        guard amount > .zero || (allowingZero && amount == .zero) else {
            throw .invalidField(field: field, reason: allowingZero ? "must not be negative" : "must be more than 0")
        }
        guard amount.significantFractionDigits <= 2 else {
            throw .invalidField(field: field, reason: "must be in whole cents (at most 2 fraction digits)")
        }
        return Money(amount, currency)
    }

    /// `50000000.00 CNY`.
    public var description: String { "\(self.amount.formatted(fractionDigits: 2)) \(self.currency)" }
}
