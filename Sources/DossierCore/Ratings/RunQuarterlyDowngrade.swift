/// One customer's business volume in a quarter, as the core banking system reports it.
public struct CustomerVolume: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var volume: ExactDecimal

    public init(customer: CustomerID, volume: ExactDecimal) {
        self.customer = customer
        self.volume = volume
    }
}

/// Command: run the quarterly downgrade rule of a scale: every listed customer rated on the
/// scale whose volume in the quarter is below the scale's threshold goes down one grade.
public struct RunQuarterlyDowngrade: Hashable, Sendable, Codable {
    public var scale: String
    public var quarter: CalendarQuarter
    public var volumes: [CustomerVolume]

    public init(scale: String, quarter: CalendarQuarter, volumes: [CustomerVolume]) {
        self.scale = scale
        self.quarter = quarter
        self.volumes = volumes
    }
}

/// One customer moved down by a rule.
public struct RatingDowngrade: Hashable, Sendable, Codable {
    public var customer: CustomerID
    public var from: String
    public var to: String

    public init(customer: CustomerID, from: String, to: String) {
        self.customer = customer
        self.from = from
        self.to = to
    }
}

/// Event: the quarterly downgrade rule ran for a scale and a quarter (on `ratingrule-<scale>`);
/// each downgrade is also a `RatingApproved` on the customer's rating stream, with the same
/// causation.
public struct QuarterlyDowngradeRan: EventPayload {
    public static let typeName = "QuarterlyDowngradeRan"
    public static let schemaVersion: UInt16 = 1
    /// It names customers and their grades.
    public static let isConfidential = true

    public var scale: String
    public var quarter: CalendarQuarter
    public var threshold: ExactDecimal
    public var downgraded: [RatingDowngrade]
    /// Below the threshold but left as they were: already at the lowest grade short of default,
    /// or in default.
    public var atLowestGrade: [CustomerID]
    /// Listed without an active rating on the scale.
    public var unrated: [CustomerID]

    public init(
        scale: String, quarter: CalendarQuarter, threshold: ExactDecimal, downgraded: [RatingDowngrade],
        atLowestGrade: [CustomerID], unrated: [CustomerID]
    ) {
        self.scale = scale
        self.quarter = quarter
        self.threshold = threshold
        self.downgraded = downgraded
        self.atLowestGrade = atLowestGrade
        self.unrated = unrated
    }
}

extension RunQuarterlyDowngrade: DomainCommand {
    public func isRetry(of first: DomainEvent) -> Bool {
        guard case .rating(.quarterlyDowngradeRan(let ran)) = first else { return false }
        return ran.scale == self.scale && ran.quarter == self.quarter
    }
}
