/// `[policy.ratings]`: the scales and the review cycle. Defaults follow DOMAIN.md.
public struct RatingPolicy: Hashable, Sendable {
    public var scales: [RatingScale] = [.corporate, .individual, .guarantee, .agency]
    /// A rating's next review, when its proposal names none: this many months after it takes
    /// effect; a proposal may name an earlier one, never a later one.
    public var reviewMonths: Int = 12

    public init() {}

    public func scale(named name: String) -> RatingScale? { self.scales.first { $0.name == name } }

    /// The scale, or `invalidField("scale")` naming the configured ones.
    public func scale(_ name: String) throws(DomainError) -> RatingScale {
        guard let scale = self.scale(named: name) else {
            throw .invalidField(
                field: "scale", reason: "must be one of \(self.scales.map(\.name).joined(separator: ", "))")
        }
        return scale
    }

    /// `grade` of `scale` as a grade of `target`: itself on the same scale, through the mapping
    /// on a scale that maps to `target`; nil otherwise.
    public func grade(_ grade: String, of scale: String, on target: String) -> String? {
        if scale == target { return grade }
        guard let source = self.scale(named: scale), source.mapsTo == target else { return nil }
        return source.mapping[grade]
    }
}
