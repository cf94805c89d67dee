/// Monthly (or any period's) complaint statistics: counts by type, channel, level, unit and
/// state; on-time rates for response and resolution; repeat complainers. Due by the 10th of
/// the next month for a month.
public struct ComplaintStatistics: Hashable, Sendable, Codable {
    /// Of the complaints whose clock has run out or was met: how many met it.
    public struct Rate: Hashable, Sendable, Codable {
        public var measured: Int
        public var onTime: Int
        /// onTime / measured in percent with one decimal; absent when nothing was measured.
        public var percent: Double?

        init(measured: Int, onTime: Int) {
            self.measured = measured
            self.onTime = onTime
            self.percent = measured == 0 ? nil : (Double(onTime * 1000 / measured)) / 10
        }
    }

    public struct RepeatComplainer: Hashable, Sendable, Codable {
        public var customer: CustomerID
        public var complaints: Int
    }

    /// The first and last local receiving day counted.
    public var from: LocalDate
    public var to: LocalDate
    /// For a month: the 10th of the next month, when the report is due.
    public var reportDueBy: LocalDate?
    public var total: Int
    public var byType: [String: Int]
    public var byChannel: [String: Int]
    public var byLevel: [String: Int]
    public var byUnit: [String: Int]
    public var byState: [String: Int]
    public var response: Rate
    public var resolution: Rate
    public var repeatComplainers: [RepeatComplainer]
    public var anonymous: Int
    public var groupIncidents: Int
    /// Satisfaction at the revisit, by level of the scale.
    public var revisitSatisfaction: [String: Int]

    /// The statistics of the complaints received from `from` to `to` (local days, inclusive)
    /// among `complaints`, as of `now`.
    public init(
        of complaints: [ComplaintState], from: LocalDate, to: LocalDate, reportDueBy: LocalDate?, now: Timestamp,
        policy: Policy
    ) {
        let inPeriod = complaints.filter {
            let day = policy.calendar.localDate(of: $0.receivedAt)
            return from <= day && day <= to
        }
        func count(_ key: (ComplaintState) -> String?) -> [String: Int] {
            var counts: [String: Int] = [:]
            for complaint in inPeriod { if let key = key(complaint) { counts[key, default: 0] += 1 } }
            return counts
        }
        self.from = from
        self.to = to
        self.reportDueBy = reportDueBy
        self.total = inPeriod.count
        self.byType = count { $0.type.rawValue }
        self.byChannel = count { $0.channel.rawValue }
        self.byLevel = count { $0.level.rawValue }
        self.byUnit = count { $0.unit }
        self.byState = count { $0.status.rawValue }
        self.revisitSatisfaction = count { $0.revisitSatisfaction?.rawValue }
        self.anonymous = inPeriod.filter { $0.customer == nil }.count
        self.groupIncidents = Set(inPeriod.compactMap(\.incident)).count

        // A clock counts once it was met or has run out; complaints rejected, withdrawn or
        // returned before it are left out.
        var response = (measured: 0, onTime: 0)
        var resolution = (measured: 0, onTime: 0)
        for complaint in inPeriod {
            if let responded = complaint.respondedAt {
                response.measured += 1
                if responded <= complaint.respondBy { response.onTime += 1 }
            } else if complaint.status.isUnresolved, complaint.respondBy < now {
                response.measured += 1
            }
            if let resolved = complaint.resolvedAt {
                resolution.measured += 1
                if resolved <= complaint.resolveBy { resolution.onTime += 1 }
            } else if complaint.status.isUnresolved, complaint.resolveBy < now {
                resolution.measured += 1
            }
        }
        self.response = Rate(measured: response.measured, onTime: response.onTime)
        self.resolution = Rate(measured: resolution.measured, onTime: resolution.onTime)

        var perCustomer: [CustomerID: Int] = [:]
        for complaint in inPeriod { if let customer = complaint.customer { perCustomer[customer, default: 0] += 1 } }
        self.repeatComplainers = perCustomer.filter { $0.value >= policy.complaints.repeatComplainerMinimum }
            .map { RepeatComplainer(customer: $0.key, complaints: $0.value) }
            .sorted { ($0.complaints, $1.customer) > ($1.complaints, $0.customer) }
    }

    /// The first and last day of `month` (`yyyy-MM`) and the 10th of the next month.
    public static func month(_ text: String) -> (from: LocalDate, to: LocalDate, dueBy: LocalDate)? {
        guard let first = LocalDate(text + "-01") else { return nil }
        let next = first.addingCalendarMonths(1)
        return (first, next.adding(days: -1), next.adding(days: 9))
    }
}
