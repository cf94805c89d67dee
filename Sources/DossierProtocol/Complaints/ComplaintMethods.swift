import DossierCore

extension Method {
    public static let fileComplaint = Method(
        "complaint.file", "Record a received complaint; returns its number and deadlines.",
        parameters: [
            .init("customer", "string", "customer id; required unless anonymous"),
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
            .init("scope", ComplaintScope.choices, "one complainant or many together; default individual"),
            .init("foreign", "bool", "the complainant is abroad (the foreign close clock applies)"),
            .init("externalId", "string", "the complaint's id in the system it was imported from"),
            .init("claim", "decimal string", "the compensation demanded"),
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
        "complaint.list", "Complaints in number order with their clocks, filtered: the due lists.",
        parameters: [
            .init("customer", "string", "only this customer's"),
            .init("status", "array of " + ComplaintStatus.choices, "only these states"),
            .init("level", "array of " + ComplaintLevel.choices, "only these levels"),
            .init("type", "array of " + ComplaintType.choices, "only these types"),
            .init("channel", "array of " + ComplaintChannel.choices, "only these channels"),
            .init("owner", "string", "only this owner's"),
            .init("unit", "string", "only this unit's"),
            .init("dueBefore", "RFC 3339 time", "the next deadline falls before this time"),
            .init("dueToday", "bool", "the next deadline falls before the end of today (policy time zone)"),
            .init("overdue", "bool", "the next deadline has passed"),
            .init("atRisk", "bool", "most of the next clock's time has passed"),
            .init("breached", "bool", "the response or the resolution missed its deadline"),
            .init("after", "string", "start after this number"),
            .init("limit", "integer", "page size, 1 to 1000; default 100"),
            .init("asOf", "RFC 3339 time", "the list as the log showed it at this time, the clocks judged then"),
        ],
        roles: everyone)
    public static let complaintStatistics = Method(
        "complaint.stats", "Complaint statistics for a month or a range of receiving days.",
        parameters: [
            .init("month", "yyyy-MM", "a month; the report is due by the 10th of the next"),
            .init("from", "yyyy-MM-dd", "first receiving day (with to, instead of month)"),
            .init("to", "yyyy-MM-dd", "last receiving day"),
            .init("asOf", "RFC 3339 time", "the statistics as they could have been run at this time"),
        ],
        roles: everyone)
    public static let showIncident = Method(
        "complaint.incident", "One group incident: its subject, complaints, customers and regulator deadline.",
        parameters: [
            .init("id", "string", required: true, "incident id (the number of the complaint that raised it)"),
            .init("asOf", "RFC 3339 time", "the incident as the log showed it at this time"),
        ],
        roles: everyone)

    // The steps of handling a complaint (docs/PROTOCOL.md, one section each).

    /// The free-text note most steps take.
    static let noteParameter = Parameter("note", "string", "free text, at most 10000 characters")

    /// A handling step's method: the complaint's `number`, the step's own parameters, then the
    /// `expectedVersion` and `requestId` every step takes.
    static func complaintStep(_ name: String, _ summary: String, _ parameters: [Parameter], roles: [Role]) -> Method {
        Method(
            name, summary,
            parameters: [.init("number", "string", required: true, "complaint number")] + parameters + [
                .init(
                    "expectedVersion", "integer|any|stream_exists", "the complaint stream's version this decision saw"),
                .init("requestId", "uuid", "idempotency key"),
            ],
            roles: roles)
    }

    public static let acknowledgeComplaint = Method.complaintStep(
        "complaint.acknowledge", "Record the first response to the complainant.",
        [
            Method.noteParameter
        ],
        roles: recorders)
    public static let assignComplaint = Method.complaintStep(
        "complaint.assign", "Hand a complaint over to another handler, who owns it from then on.",
        [
            .init("to", "string", required: true, "user name of the new owner"),
            Method.noteParameter,
        ],
        roles: recorders)
    public static let investigateComplaint = Method.complaintStep(
        "complaint.investigate", "Record that the owner began investigating.",
        [
            Method.noteParameter
        ],
        roles: recorders)
    public static let temporaryMeasureComplaint = Method.complaintStep(
        "complaint.temporary-measure", "Record the temporary measure put in place.",
        [
            .init("measure", "string", required: true, "what was done, 1 to 10000 characters")
        ],
        roles: recorders)
    public static let resolveComplaint = Method.complaintStep(
        "complaint.resolve", "Record the reply with its result; the revisit falls due.",
        [
            .init("result", "string", required: true, "the result told to the complainant"),
            .init(
                "satisfaction", "very_satisfied|satisfied|basically_satisfied|dissatisfied|very_dissatisfied",
                "satisfaction at the reply"),
        ],
        roles: recorders)
    public static let revisitComplaint = Method.complaintStep(
        "complaint.revisit", "Record the follow-up call and the customer's satisfaction.",
        [
            .init(
                "satisfaction", "very_satisfied|satisfied|basically_satisfied|dissatisfied|very_dissatisfied",
                required: true, "satisfaction on the 5-level scale"),
            Method.noteParameter,
        ],
        roles: recorders)
    public static let closeComplaint = Method.complaintStep(
        "complaint.close", "Close a complaint; it never changes afterwards.",
        [
            Method.noteParameter
        ],
        roles: recorders)
    public static let rejectComplaint = Method.complaintStep(
        "complaint.reject", "Record that a complaint is invalid under a rule of invalid complaints.",
        [
            .init(
                "rule",
                "complainant_fault|excessive_demand|provocation|anonymous_without_facts|unverifiable|late_attitude|duplicate",
                required: true, "the rule that makes it invalid"),
            .init("note", "string", required: true, "the handler's judgement, 1 to 10000 characters"),
        ],
        roles: recorders)
    public static let escalateComplaint = Method.complaintStep(
        "complaint.escalate", "Raise a complaint to a more urgent level; its deadlines are counted again.",
        [
            .init("level", "L1|L2|L3|L4", required: true, "the new, more urgent level"),
            .init("reason", "string", required: true, "why"),
        ],
        roles: recorders)
    public static let requestExtensionComplaint = Method.complaintStep(
        "complaint.request-extension", "Ask for more time to resolve, with a reason and the customer's consent.",
        [
            .init("reason", "string", required: true, "why more time is needed"),
            .init("customerConsent", "bool", required: true, "the customer agreed"),
            .init("until", "RFC 3339 time", required: true, "the new resolution deadline"),
        ],
        roles: recorders)
    public static let decideExtensionComplaint = Method.complaintStep(
        "complaint.decide-extension", "Grant or refuse a requested extension; the requester may not decide it.",
        [
            .init("grant", "bool", required: true, "true grants, false refuses"),
            Method.noteParameter,
        ],
        roles: approvers)
    public static let withdrawComplaint = Method.complaintStep(
        "complaint.withdraw", "Record that the customer withdrew the complaint.",
        [
            .init("reason", "string", "free text")
        ],
        roles: recorders)
    public static let returnComplaint = Method.complaintStep(
        "complaint.return", "Return a complaint as out of scope, with a reason.",
        [
            .init("reason", "string", required: true, "why it is out of scope")
        ],
        roles: recorders)
    public static let pauseComplaint = Method.complaintStep(
        "complaint.pause", "Stop the clock while the complaint waits on the customer.",
        [
            .init("reason", "string", required: true, "what the customer must provide")
        ],
        roles: recorders)
    public static let resumeComplaint = Method.complaintStep(
        "complaint.resume", "Run the clock again; every deadline moves by the paused working time.",
        [
            Method.noteParameter
        ],
        roles: recorders)
    public static let reopenComplaint = Method(
        "complaint.reopen", "File a new complaint for a closed one, linked both ways.",
        parameters: [
            .init("number", "string", required: true, "complaint number"),
            .init("reason", "string", required: true, "why the customer came back; the new complaint's description"),
            .init("level", "L1|L2|L3|L4", "the new complaint's level; default the original's"),
            .init("receivedAt", "RFC 3339 time", "when the customer came back; default now"),
            .init("requestId", "uuid", "idempotency key"),
        ],
        roles: recorders)
    public static let eightDComplaint = Method.complaintStep(
        "complaint.eight-d", "Record one step (D0 to D8) of a quality complaint's 8D record.",
        [
            .init("step", "D0|D1|D2|D3|D4|D5|D6|D7|D8", required: true, "the 8D step"),
            .init("owner", "string", required: true, "who owns the step"),
            .init("on", "yyyy-MM-dd", "the step's date; default today"),
            .init("text", "string", required: true, "what was found or done"),
        ],
        roles: recorders)
    public static let recordOutcomeComplaint = Method.complaintStep(
        "complaint.record-outcome", "Record responsibility (with our share) and the loss.",
        [
            .init("responsibility", "ours|customer|third_party", required: true, "who was responsible"),
            .init(
                "ourSharePercent", "integer",
                "our share of the responsibility, 0 to 100; default 100 for ours, 0 for customer; required for third_party"
            ),
            .init("loss", "decimal string", "the loss, e.g. \"1200.50\""),
            Method.noteParameter,
        ],
        roles: recorders)
    public static let proposeCompensationComplaint = Method.complaintStep(
        "complaint.propose-compensation", "Propose compensation; it waits for an approver other than the proposer.",
        [
            .init("kind", "payment|discount|replacement|return", required: true, "what the customer gets"),
            .init("amount", "decimal string", required: true, "e.g. \"20000\" or \"99.90\""),
            Method.noteParameter,
        ],
        roles: recorders)
    public static let decideCompensationComplaint = Method.complaintStep(
        "complaint.decide-compensation",
        "Approve or refuse pending compensation: not its proposer, and with the authority its amount needs.",
        [
            .init("approve", "bool", required: true, "true approves, false refuses"),
            Method.noteParameter,
        ],
        roles: recorders)

    /// Each handling step's method and its params.
    public static let complaintSteps: [(method: Method, params: any ComplaintStepParams.Type)] = [
        (.acknowledgeComplaint, AcknowledgeComplaintParams.self), (.assignComplaint, AssignComplaintParams.self),
        (.investigateComplaint, InvestigateComplaintParams.self),
        (.temporaryMeasureComplaint, TemporaryMeasureComplaintParams.self),
        (.resolveComplaint, ResolveComplaintParams.self),
        (.revisitComplaint, RevisitComplaintParams.self), (.closeComplaint, CloseComplaintParams.self),
        (.rejectComplaint, RejectComplaintParams.self), (.escalateComplaint, EscalateComplaintParams.self),
        (.requestExtensionComplaint, RequestExtensionComplaintParams.self),
        (.decideExtensionComplaint, DecideExtensionComplaintParams.self),
        (.withdrawComplaint, WithdrawComplaintParams.self),
        (.returnComplaint, ReturnComplaintParams.self), (.pauseComplaint, PauseComplaintParams.self),
        (.resumeComplaint, ResumeComplaintParams.self), (.eightDComplaint, EightDComplaintParams.self),
        (.recordOutcomeComplaint, RecordOutcomeComplaintParams.self),
        (.proposeCompensationComplaint, ProposeCompensationComplaintParams.self),
        (.decideCompensationComplaint, DecideCompensationComplaintParams.self),
    ]

    /// The complaint methods, in the order `system.methods` lists them.
    static let complaints: [Method] = [
        .fileComplaint, .showComplaint, .listComplaints, .acknowledgeComplaint, .assignComplaint,
        .investigateComplaint, .temporaryMeasureComplaint, .resolveComplaint, .revisitComplaint, .closeComplaint,
        .rejectComplaint, .escalateComplaint, .requestExtensionComplaint, .decideExtensionComplaint,
        .withdrawComplaint, .returnComplaint, .pauseComplaint, .resumeComplaint, .reopenComplaint, .eightDComplaint,
        .recordOutcomeComplaint, .proposeCompensationComplaint, .decideCompensationComplaint, .complaintStatistics,
        .showIncident,
    ]
}
