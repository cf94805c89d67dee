/// New credit (增量) or the renewal of credit the customer already had (存量).
public enum CreditKind: String, ClosedSet {
    case incremental
    case existing
}

/// Whether the limit is disclosed to the customer (公开授信) or kept internal (内部授信).
public enum CreditMode: String, ClosedSet {
    case `internal`
    case `public`
}

/// Where an approved limit stands. An expired limit is not a state of its own: it is one whose
/// last valid day has passed, judged against the day of the decision or query, with no event.
public enum CreditLimitStatus: String, ClosedSet {
    case approved
    case frozen
    case revoked
    /// Shown by reads for an approved or frozen limit past its `validTo`; never stored.
    case expired
}
