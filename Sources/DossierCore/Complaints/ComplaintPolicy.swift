/// Complaint numbering and service levels. Defaults follow DOMAIN.md; every value is configurable.
public struct ComplaintPolicy: Hashable, Sendable {
    /// The unit code used when a complaint names none.
    public var defaultUnit: String = "HQ"
    /// Length of a unit code (capital letters).
    public var unitLength: Int = 2
    /// Digits of the daily running number (3 gives 001 to 999).
    public var numberDigits: Int = 3
    /// Respond and resolve clocks per level.
    public var l1 = ServiceLevel(respondWithin: .minutes(30), resolveWithin: .hours(2))
    public var l2 = ServiceLevel(respondWithin: .hours(4), resolveWithin: .hours(12))
    public var l3 = ServiceLevel(respondWithin: .hours(24), resolveWithin: .workingDays(5))
    public var l4 = ServiceLevel(respondWithin: .workingDays(5), resolveWithin: .workingDays(10))

    public init() {}

    public var maximumRunningNumber: Int {
        var maximum = 1
        for _ in 0..<self.numberDigits { maximum *= 10 }
        return maximum - 1
    }

    public func isValidUnit(_ unit: String) -> Bool {
        unit.utf8.count == self.unitLength
            && unit.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    public func serviceLevel(for level: ComplaintLevel) -> ServiceLevel {
        switch level {
        case .l1: return self.l1
        case .l2: return self.l2
        case .l3: return self.l3
        case .l4: return self.l4
        }
    }

    /// The service level of `level`, to read or replace.
    public subscript(serviceLevel level: ComplaintLevel) -> ServiceLevel {
        get { self.serviceLevel(for: level) }
        set {
            switch level {
            case .l1: self.l1 = newValue
            case .l2: self.l2 = newValue
            case .l3: self.l3 = newValue
            case .l4: self.l4 = newValue
            }
        }
    }
}
