/// The rule of group complaints: when the `groupCustomers`-th distinct customer complains
/// about the same subject within `groupWindow`, a group incident is raised that links all
/// those complaints and raises them to `groupLevel`; later complaints about the subject join
/// it. It runs on the single writer with the filing, so concurrent filings raise exactly one.
public enum GroupIncidentDecisions {
    /// What a filing adds: events for the new complaint's own stream, and appends to the
    /// incident's stream and to the earlier complaints' streams.
    public struct Linking: Sendable {
        public var own: [ComplaintEvent] = []
        public var others: [Decision.Append] = []
    }

    static func link(_ filed: ComplaintFiled, context: ComplaintDecisions.FilingContext, policy: Policy) -> Linking {
        let complaints = policy.complaints
        guard let customer = filed.customer, complaints.groupCustomers > 0 else { return Linking() }
        let key = ComplaintSubject.key(filed.subject)
        let at = filed.receivedAt
        var linking = Linking()

        if let incident = context.incident, incident.subjectKey == key,
            Self.within(complaints.groupWindow, incident.lastReceivedAt, at, on: policy.calendar)
        {
            linking.own.append(.linkedToIncident(Self.linked(filed, to: incident.id, policy: policy)))
            let joined = GroupIncidentJoined(incident: incident.id, complaint: filed.number, customer: customer)
            linking.others.append(
                Decision.Append(
                    to: .incident(incident.id), expected: .exact(incident.version),
                    [Decision.Event(.complaint(.incidentJoined(joined)), occurredAt: at)]))
            return linking
        }

        let earlier = context.sameSubject.filter {
            $0.number != filed.number && $0.customer != nil && $0.incident == nil
                && ComplaintSubject.key($0.subject) == key && ![.rejected, .returned].contains($0.status)
                && Self.within(complaints.groupWindow, $0.receivedAt, at, on: policy.calendar)
        }.sorted { $0.number < $1.number }
        var customers: [CustomerID] = []
        for complaint in earlier { if let id = complaint.customer, !customers.contains(id) { customers.append(id) } }
        if !customers.contains(customer) { customers.append(customer) }
        guard customers.count >= complaints.groupCustomers else { return Linking() }

        let id = filed.number.rawValue
        let raised = GroupIncidentRaised(
            incident: id, subject: filed.subject, subjectKey: key, raisedBy: filed.number,
            complaints: earlier.map(\.number) + [filed.number], customers: customers, level: complaints.groupLevel,
            reportToRegulator: complaints.groupReportToRegulator,
            reportBy: complaints.groupReportToRegulator
                ? policy.calendar.deadline(from: at, after: complaints.groupReportWithin) : nil,
            threshold: complaints.groupCustomers, window: complaints.groupWindow)
        linking.own.append(.linkedToIncident(Self.linked(filed, to: id, policy: policy)))
        linking.others.append(
            Decision.Append(
                to: .incident(id), expected: .noStream,
                [Decision.Event(.complaint(.incidentRaised(raised)), occurredAt: at)]))
        for complaint in earlier {
            let level = Self.groupLevel(complaint.level, policy: policy)
            let basis = policy.deadlineBasis(
                level: level, foreign: complaint.foreign, eightD: complaints.keepsEightD(complaint.type))
            let linked = ComplaintLinkedToIncident(
                number: complaint.number, incident: id, level: level,
                deadlines: Self.deadlines(of: complaint, basis: basis, policy: policy), basis: basis)
            linking.others.append(
                Decision.Append(
                    to: .complaint(complaint.number), expected: .exact(complaint.version),
                    [Decision.Event(.complaint(.linkedToIncident(linked)), occurredAt: at)]))
        }
        return linking
    }

    /// The new complaint's link, at the group level.
    private static func linked(
        _ filed: ComplaintFiled, to incident: String, policy: Policy
    ) -> ComplaintLinkedToIncident {
        let level = Self.groupLevel(filed.level, policy: policy)
        let basis = policy.deadlineBasis(
            level: level, foreign: filed.foreign, eightD: policy.complaints.keepsEightD(filed.type))
        return ComplaintLinkedToIncident(
            number: filed.number, incident: incident, level: level,
            deadlines: policy.deadlines(from: filed.receivedAt, basis: basis), basis: basis)
    }

    /// The group level, or the complaint's own when that is more urgent.
    static func groupLevel(_ level: ComplaintLevel, policy: Policy) -> ComplaintLevel {
        policy.complaints.groupLevel.isMoreUrgent(than: level) ? policy.complaints.groupLevel : level
    }

    /// A complaint's deadlines under `basis`, counted from its receipt, moved by the time its
    /// clock was paused, and never earlier than an extension granted to it.
    static func deadlines(of complaint: ComplaintState, basis: DeadlineBasis, policy: Policy) -> ComplaintDeadlines {
        var deadlines = policy.deadlines(from: complaint.receivedAt, basis: basis)
            .moved(byWorkingTime: complaint.pausedWorkingMilliseconds, on: policy.calendar)
        if let extended = complaint.extendedUntil { deadlines.resolveBy = max(deadlines.resolveBy, extended) }
        return deadlines
    }

    /// Whether two receipts lie within `window` of each other, either way round.
    static func within(
        _ window: ServiceDuration, _ first: Timestamp, _ second: Timestamp, on calendar: BusinessCalendar
    )
        -> Bool
    {
        let (earlier, later) = first <= second ? (first, second) : (second, first)
        return calendar.deadline(from: earlier, after: window) >= later
    }
}
