import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group", abstract: "Group customers: members, exclusions, balances, exposure, net capital.",
        subcommands: [
            Create.self, AddMember.self, RemoveMember.self, Exclude.self, RecordBalance.self, RecordExposure.self,
            SetNetCapital.self, Show.self, List.self, Exposure.self,
        ])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a group's record (group.create).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The bank's group id.") var id: String
        @Option(help: "The group's name.") var name: String
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = CreateGroupParams(id: self.id, name: self.name, note: self.note, requestId: write.requestID)
            try Self.send(Method.createGroup, params, self.options, write)
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-member", abstract: "Record that a customer belongs to a group (group.add-member).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var group: String
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "How it belongs to the group.") var relation: GroupRelation
        @Option(help: "What shows the relation.") var evidence: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = AddGroupMemberParams(
                group: self.group, customer: self.customer, relation: self.relation, evidence: self.evidence,
                requestId: write.requestID)
            try Self.send(Method.addGroupMember, params, self.options, write)
        }
    }

    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member", abstract: "Record that a customer left a group (group.remove-member).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var group: String
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = RemoveGroupMemberParams(
                group: self.group, customer: self.customer, reason: self.reason, requestId: write.requestID)
            try Self.send(Method.removeGroupMember, params, self.options, write)
        }
    }

    struct Exclude: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an entity related to a group is not its member (group.exclude).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var group: String
        @Option(help: "The entity's name.") var entity: String
        @Option(help: "Its customer id, when it is the bank's customer.") var customer: String?
        @Option(help: "Why it is not a member.") var reason: ExclusionReason
        @Option(help: "What shows it.") var evidence: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ExcludeFromGroupParams(
                group: self.group, entity: self.entity, customer: self.customer, reason: self.reason,
                evidence: self.evidence, requestId: write.requestID)
            try Self.send(Method.excludeFromGroup, params, self.options, write)
        }
    }

    struct RecordBalance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-balance",
            abstract: "Record a member's balance at a branch at a quarter's end (group.record-balance).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var group: String
        @Argument(help: "Customer id of a member.") var customer: String
        @Option(help: "The branch.") var branch: String
        @Option(help: "The quarter, ended (e.g. 2026Q1).") var quarter: CalendarQuarter
        @Option(help: "The balance, in whole cents.") var amount: ExactDecimal
        @Option(help: "ISO 4217 code (default from the daemon's policy).") var currency: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = GroupBalanceParams(
                group: self.group, customer: self.customer, branch: self.branch, quarter: self.quarter,
                amount: self.amount, currency: self.currency, requestId: write.requestID)
            try Self.send(Method.recordGroupBalance, params, self.options, write)
        }
    }

    struct RecordExposure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-exposure",
            abstract: "Record a member's bond or derivative exposure (group.record-exposure).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var group: String
        @Argument(help: "Customer id of a member.") var customer: String
        @Option(help: "bond or derivative.") var kind: ExposureKind
        @Option(help: "The exposure, in whole cents.") var amount: ExactDecimal
        @Option(help: "ISO 4217 code (default from the daemon's policy).") var currency: String?
        @Option(name: .customLong("as-of"), help: "The day of the figure (yyyy-MM-dd; default today).") var asOf:
            LocalDate?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = GroupExposureParams(
                group: self.group, customer: self.customer, kind: self.kind, amount: self.amount,
                currency: self.currency, asOf: self.asOf, requestId: write.requestID)
            try Self.send(Method.recordGroupExposure, params, self.options, write)
        }
    }

    struct SetNetCapital: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-net-capital", abstract: "Record the bank's net capital (group.set-net-capital).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The net capital, in whole cents.") var amount: ExactDecimal
        @Option(help: "ISO 4217 code (default from the daemon's policy).") var currency: String?
        @Option(name: .customLong("effective-on"), help: "The day of the figure (yyyy-MM-dd; default today).")
        var effectiveOn: LocalDate?
        @Option(help: "Its source (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = NetCapitalParams(
                amount: self.amount, currency: self.currency, effectiveOn: self.effectiveOn, reason: self.reason,
                requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.setNetCapital, params, as: NetCapitalResult.self, write
            ) {
                Rendering.netCapital($0)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a group, by id or by a member (group.show).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var id: String?
        @Option(help: "A member: show its group.") var customer: String?
        @Option(name: .customLong("as-of"), help: "As the log showed it then (RFC 3339).") var asOf: Timestamp?

        func validate() throws {
            guard (self.id == nil) != (self.customer == nil) else {
                throw ValidationError("give a group id or --customer")
            }
        }

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.showGroup, ShowGroupParams(id: self.id, customer: self.customer, asOf: self.asOf),
                    as: GroupResult.self)
            } render: {
                Rendering.group($0)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List groups in id order (group.list).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Start after this id.") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.listGroups, ListGroupsParams(after: self.after, limit: self.limit, asOf: self.at.asOf),
                    as: GroupsResult.self)
            } render: {
                Rendering.groups($0)
            }
        }
    }

    struct Exposure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A group's limit, member limits, headroom and concentration on net capital (group.exposure).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Group id.") var id: String
        @Option(help: "The currency to measure in (default the group limit's).") var currency: String?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.groupExposure,
                    GroupExposureQueryParams(id: self.id, currency: self.currency, asOf: self.at.asOf),
                    as: GroupExposureResult.self)
            } render: {
                Rendering.groupExposure($0)
            }
        }
    }
}

extension ParsableCommand {
    /// Sends a group command and prints the group after it.
    fileprivate static func send<Params: Encodable & Sendable>(
        _ method: Method, _ params: Params, _ options: GlobalOptions, _ write: WriteRetry
    ) throws {
        try ClientRunner(options: options).send(method, params, as: GroupResult.self, write) {
            Rendering.group($0)
        }
    }
}
