import DossierCore

extension Confidentiality {
    /// The kind of each confidential event type (`EventPayload.isConfidential`): one line per
    /// room.
    public static let ofEventTypes: [String: Confidentiality] = [
        Confidentiality.customerEventTypes,
        Confidentiality.ratingEventTypes,
        Confidentiality.creditLimitEventTypes,
        Confidentiality.groupEventTypes,
    ].reduce(into: [:]) { all, room in all.merge(room) { first, _ in first } }

    /// What `log.read` shows in place of a withheld event's type.
    public static let withheldEventType = "Withheld"
}

extension EventsResult: HasConfidentialFields {
    /// A confidential event (a flag: the bad record itself) stays in the page, so paging and
    /// counting still work, but a role that may not read it gets its `data` as `null`, no
    /// `salt`, and `Withheld` as its type: what remains (stream, times, actor, ids, hash) does
    /// not reveal the payload, because the hash covers the payload with the withheld salt.
    /// The type goes last: the other two are recognised by it.
    public static let confidentialFields: [ConfidentialField] = Confidentiality.ofEventTypes.sorted { $0.key < $1.key }
        .flatMap { type, kind in
            [
                ConfidentialField("events[].data", kind, onlyForTypes: [type], replacement: .null),
                ConfidentialField("events[].salt", kind, onlyForTypes: [type]),
                ConfidentialField(
                    "events[].type", kind, onlyForTypes: [type], replacement: .string(Confidentiality.withheldEventType)),
            ]
        }
}
