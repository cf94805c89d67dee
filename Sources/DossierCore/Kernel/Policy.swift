/// Every policy number the rules use, with DOMAIN.md's defaults. Loaded from the `[policy]`
/// part of the daemon's config; rules receive it as an argument and never hold literals.
public struct Policy: Hashable, Sendable {
    public var complaints = ComplaintPolicy()
    public var calendar: BusinessCalendar = BusinessCalendar()!
    public var ratings = RatingPolicy()
    public var limits = CreditLimitPolicy()
    public var groups = GroupPolicy()

    public init() {}
}
