import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: "File and look up complaints.",
        subcommands: [File.self, Show.self, List.self])

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a received complaint (complaint.file); prints its number and deadlines.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Customer id.") var customer: String
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
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = FileComplaintParams(
                customer: self.customer, type: self.type, channel: self.channel, level: self.level,
                subject: self.subject, description: self.description, anonymous: self.anonymous,
                indirect: self.indirect, unit: self.unit, receivedAt: self.receivedAt, incidentAt: self.incidentAt,
                requestId: write.requestID)
            try ClientRunner(options: self.options).run(write) { connection in
                try connection.call(Method.fileComplaint, params, as: ComplaintResult.self)
            } render: { Rendering.complaint($0) }
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
            } render: { Rendering.complaint($0) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List complaints in number order (complaint.list).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this customer's complaints.") var customer: String?
        @Option(help: "Start after this number.") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.listComplaints,
                    ListComplaintsParams(customer: self.customer, after: self.after, limit: self.limit),
                    as: ComplaintsResult.self)
            } render: { Rendering.complaints($0) }
        }
    }
}
