import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: "File, handle, list and report complaints.",
        subcommands: [File.self, Show.self, List.self, Due.self] + Self.steps
            + [Reopen.self, Stats.self, Report.self, Incident.self])

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a received complaint (complaint.file); prints its number and deadlines.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Customer id (leave out for an anonymous complaint without a registered customer).")
        var customer: String?
        @Option(help: "What it is about.") var type: ComplaintType
        @Option(help: "How it came in.") var channel: ComplaintChannel
        @Option(help: "Severity: L1 (urgent) to L4.") var level: ComplaintLevel
        @Option(help: "The product or event complained about.") var subject: String
        @Option(help: "Free text.") var description: String?
        @Flag(help: "The complainant gave no name.") var anonymous = false
        @Flag(help: "Came via a regulator or a third party.") var indirect = false
        @Option(help: "Receiving unit code (default from policy).") var unit: String?
        @Option(name: .customLong("received-at"), help: "When it was received (RFC 3339; default now).")
        var receivedAt: Timestamp?
        @Option(name: .customLong("incident-at"), help: "When the complained-about event happened (RFC 3339).")
        var incidentAt: Timestamp?
        @Option(help: "individual or group (many complainants together).") var scope: ComplaintScope?
        @Flag(help: "The complainant is abroad (the foreign close clock applies).") var foreign = false
        @Option(name: .customLong("external-id"), help: "The complaint's id in the system it came from.")
        var externalID: String?
        @Option(help: "The compensation demanded, e.g. 20000 or 99.90.") var claim: DecimalAmount?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = FileComplaintParams(
                customer: self.customer, type: self.type, channel: self.channel, level: self.level,
                subject: self.subject, description: self.description, anonymous: self.anonymous,
                indirect: self.indirect, unit: self.unit, receivedAt: self.receivedAt, incidentAt: self.incidentAt,
                scope: self.scope, foreign: self.foreign ? true : nil, externalId: self.externalID, claim: self.claim,
                requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.fileComplaint, params, as: ComplaintResult.self, write
            ) {
                Rendering.complaint($0)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one complaint (complaint.show).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Complaint number.") var number: String
        @Option(name: .customLong("as-of"), help: "Show the complaint as the log showed it then (RFC 3339).")
        var asOf: Timestamp?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.showComplaint, ComplaintNumberParams(number: self.number, asOf: self.asOf),
                    as: ComplaintResult.self)
            } render: {
                Rendering.complaint($0)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List complaints in number order with their clocks, filtered (complaint.list).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this customer's complaints.") var customer: String?
        @Option(help: "Only complaints in this state (repeat for more).") var status: [ComplaintStatus] = []
        @Option(help: "Only this level (repeat for more).") var level: [ComplaintLevel] = []
        @Option(help: "Only this type (repeat for more).") var type: [ComplaintType] = []
        @Option(help: "Only this channel (repeat for more).") var channel: [ComplaintChannel] = []
        @Option(help: "Only this owner's.") var owner: String?
        @Option(help: "Only this unit's.") var unit: String?
        @Option(name: .customLong("due-before"), help: "The next deadline falls before this time (RFC 3339).")
        var dueBefore: Timestamp?
        @Flag(name: .customLong("due-today"), help: "The next deadline falls before the end of today.") var dueToday =
            false
        @Flag(help: "The next deadline has passed.") var overdue = false
        @Flag(name: .customLong("at-risk"), help: "Most of the next clock's time has passed.") var atRisk = false
        @Flag(help: "The response or the resolution missed its deadline.") var breached = false
        @Option(help: "Start after this number.") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?
        @OptionGroup var at: AsOfOption

        func run() throws {
            let params = ListComplaintsParams(
                customer: self.customer, status: self.status.isEmpty ? nil : self.status,
                level: self.level.isEmpty ? nil : self.level, type: self.type.isEmpty ? nil : self.type,
                channel: self.channel.isEmpty ? nil : self.channel, owner: self.owner, unit: self.unit,
                dueBefore: self.dueBefore, dueToday: self.dueToday ? true : nil, overdue: self.overdue ? true : nil,
                atRisk: self.atRisk ? true : nil, breached: self.breached ? true : nil, after: self.after,
                limit: self.limit, asOf: self.at.asOf)
            try ClientRunner(options: self.options).run { connection in
                try connection.call(Method.listComplaints, params, as: ComplaintsResult.self)
            } render: {
                Rendering.complaints($0)
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What is overdue and what falls due today, per owner (complaint.list).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this owner's.") var owner: String?
        @Option(help: "Only this unit's.") var unit: String?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                let overdue = try Self.all(
                    connection,
                    ListComplaintsParams(owner: self.owner, unit: self.unit, overdue: true, asOf: self.at.asOf))
                let today = try Self.all(
                    connection,
                    ListComplaintsParams(owner: self.owner, unit: self.unit, dueToday: true, asOf: self.at.asOf))
                return DueList(overdue: overdue, dueToday: today)
            } render: {
                Rendering.due($0)
            }
        }

        /// Every page of a list.
        static func all(_ connection: DossierConnection, _ params: ListComplaintsParams) throws -> ComplaintsResult {
            var params = params
            params.limit = 1000
            var result = try connection.call(Method.listComplaints, params, as: ComplaintsResult.self)
            while let next = result.next {
                params.after = next
                let page = try connection.call(Method.listComplaints, params, as: ComplaintsResult.self)
                result.complaints += page.complaints
                result.due = (result.due ?? []) + (page.due ?? [])
                result.next = page.next
            }
            return result
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "File a new complaint for a closed one, linked both ways (complaint.reopen).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The closed complaint's number.") var number: String
        @Option(help: "Why the customer came back (the new complaint's description).") var reason: String
        @Option(help: "The new complaint's level (default: the original's).") var level: ComplaintLevel?
        @Option(name: .customLong("received-at"), help: "When the customer came back (RFC 3339; default now).")
        var receivedAt: Timestamp?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ReopenComplaintParams(
                number: self.number, reason: self.reason, level: self.level, receivedAt: self.receivedAt,
                requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.reopenComplaint, params, as: ComplaintResult.self, write
            ) {
                Rendering.complaint($0)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complaint statistics for a month or a range of days (complaint.stats): a table and bar charts.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "A month, yyyy-MM.") var month: String?
        @Option(help: "First receiving day, yyyy-MM-dd (with --to).") var from: LocalDate?
        @Option(help: "Last receiving day, yyyy-MM-dd.") var to: LocalDate?
        @Flag(help: "Print the figures as CSV (section,key,value).") var csv = false
        @OptionGroup var at: AsOfOption

        func run() throws {
            let params = ComplaintStatisticsParams(month: self.month, from: self.from, to: self.to, asOf: self.at.asOf)
            try ClientRunner(options: self.options).run { connection in
                try connection.call(Method.complaintStatistics, params, as: ComplaintStatisticsResult.self)
            } render: {
                self.csv ? StatisticsRendering.csv($0.statistics) : StatisticsRendering.text($0)
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the monthly complaint report as one HTML file with SVG charts (complaint.stats).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The month, yyyy-MM.") var month: String
        @Option(help: "The HTML file to write.") var html: String
        @OptionGroup var at: AsOfOption

        func run() throws {
            let params = ComplaintStatisticsParams(month: self.month, asOf: self.at.asOf)
            try ClientRunner(options: self.options).run { connection in
                let result = try connection.call(Method.complaintStatistics, params, as: ComplaintStatisticsResult.self)
                try Data(ComplaintReport.html(result, month: self.month).utf8).write(
                    to: URL(fileURLWithPath: self.html))
                return result
            } render: {
                "wrote \(self.html): \($0.statistics.total) complaints received in \(self.month)"
            }
        }
    }

    struct Incident: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one group incident (complaint.incident).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Incident id.") var id: String
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.showIncident, IncidentParams(id: self.id, asOf: self.at.asOf), as: IncidentResult.self)
            } render: {
                Rendering.incident($0)
            }
        }
    }
}

/// What `dossier complaint due` prints (and, with --json, its JSON).
struct DueList: Codable {
    var overdue: ComplaintsResult
    var dueToday: ComplaintsResult
}
