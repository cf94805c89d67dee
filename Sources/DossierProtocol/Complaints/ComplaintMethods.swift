import DossierCore

extension Method {
    public static let fileComplaint = Method(
        "complaint.file", "Record a received complaint; returns its number and deadlines.",
        parameters: [
            .init("customer", "string", required: true, "customer id"),
            .init("type", ComplaintType.choices, required: true, "what it is about"),
            .init("channel", ComplaintChannel.choices, required: true, "how it came in"),
            .init("level", ComplaintLevel.choices, required: true, "severity; sets the service level"),
            .init("subject", "string", required: true, "the product or event complained about"),
            .init("description", "string", "free text"),
            .init("anonymous", "bool", "the complainant gave no name"),
            .init("indirect", "bool", "came via a regulator or third party"),
            .init("unit", "string", "receiving unit code; default from policy"),
            .init("receivedAt", "RFC 3339 time", "when it was received; default now"),
            .init("incidentAt", "RFC 3339 time", "when the complained-about event happened"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)
    public static let showComplaint = Method(
        "complaint.show", "One complaint's state now, or as the log showed it at a past time.",
        parameters: [
            .init("number", "string", required: true, "complaint number"),
            .init("asOf", "RFC 3339 time", "show the state as recorded at this time"),
        ],
        roles: everyone)
    public static let listComplaints = Method(
        "complaint.list", "Complaints in number order, optionally of one customer.",
        parameters: [
            .init("customer", "string", "only this customer's"), .init("after", "string", "start after this number"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
        ],
        roles: everyone)

    /// The complaint methods, in the order `system.methods` lists them.
    static let complaints: [Method] = [.fileComplaint, .showComplaint, .listComplaints]
}
