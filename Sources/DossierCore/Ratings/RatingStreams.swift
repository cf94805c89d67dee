extension StreamID {
    /// `rating-<customer>-<scale>`: every rating of one customer on one scale. Scale names
    /// hold no `-`, so the customer is everything before the last one.
    public static func rating(_ customer: CustomerID, scale: String) -> StreamID {
        StreamID(rawValue: "rating-\(customer.rawValue)-\(scale)")
    }

    /// The customer and scale whose ratings this stream holds.
    public var ratingSubject: (customer: CustomerID, scale: String)? {
        guard let rest = self.suffix(after: "rating-"), let dash = rest.lastIndex(of: "-") else { return nil }
        let customer = rest[..<dash]
        let scale = rest[rest.index(after: dash)...]
        guard !customer.isEmpty, !scale.isEmpty else { return nil }
        return (CustomerID(rawValue: String(customer)), String(scale))
    }

    /// `ratingrule-<scale>`: the runs of a scale's rules (the quarterly downgrade).
    public static func ratingRules(_ scale: String) -> StreamID { StreamID(rawValue: "ratingrule-\(scale)") }

    public var ratingRuleScale: String? { self.suffix(after: "ratingrule-") }
}
