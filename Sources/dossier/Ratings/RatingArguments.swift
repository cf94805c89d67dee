import ArgumentParser
import DossierCore

// The rating room's values typed on the command line.

extension RatingReason: ExpressibleByArgument {}

extension ExactDecimal: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension CalendarQuarter: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `A=40`: a part's points.
extension PartScore: ExpressibleByArgument {
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
            let points = ExactDecimal(String(argument[argument.index(after: equals)...]))
        else { return nil }
        self.init(part: String(argument[..<equals]), points: points)
    }
}

/// `c1=1200000.50`: a customer's volume in a quarter.
extension CustomerVolume: ExpressibleByArgument {
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
            let volume = ExactDecimal(String(argument[argument.index(after: equals)...]))
        else { return nil }
        self.init(customer: CustomerID(rawValue: String(argument[..<equals])), volume: volume)
    }
}
