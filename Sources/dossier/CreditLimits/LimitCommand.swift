import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct LimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit", abstract: "Propose, approve and manage credit limits of customers and groups.",
        subcommands: [
            Propose.self, Change.self, Approve.self, Reject.self, Freeze.self, Unfreeze.self, Revoke.self, Show.self,
            Expiring.self,
        ])

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a new limit (limit.propose).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Option(help: "The amount, in whole cents (e.g. 5000000.00).") var amount: ExactDecimal
        @Option(help: "ISO 4217 code (default from the daemon's policy).") var currency: String?
        @Option(help: "incremental (new credit) or existing (renewal).") var kind: CreditKind
        @Option(help: "internal or public.") var mode: CreditMode
        @Option(name: .customLong("valid-from"), help: "First valid day (yyyy-MM-dd; default today).") var validFrom:
            LocalDate?
        @Option(name: .customLong("valid-to"), help: "Last valid day (yyyy-MM-dd).") var validTo: LocalDate
        @Option(help: "The rule or document it rests on.") var basis: String
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ProposeLimitParams(
                customer: self.subject.customer, group: self.subject.group, amount: self.amount,
                currency: self.currency,
                kind: self.kind, mode: self.mode, validFrom: self.validFrom, validTo: self.validTo, basis: self.basis,
                note: self.note, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.proposeLimit, params, as: CreditLimitsResult.self, write
            ) {
                Rendering.creditLimits($0)
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose a new amount or last day for a limit in force (limit.change).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Argument(help: "The limit's number, as `limit show` lists it.") var limit: Int
        @Option(help: "The new amount, in whole cents.") var amount: ExactDecimal
        @Option(name: .customLong("valid-to"), help: "The new last valid day (yyyy-MM-dd).") var validTo: LocalDate?
        @Option(help: "The rule or document it rests on.") var basis: String
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ChangeLimitParams(
                customer: self.subject.customer, group: self.subject.group, limit: self.limit, amount: self.amount,
                validTo: self.validTo, basis: self.basis, note: self.note, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.changeLimit, params, as: CreditLimitsResult.self, write
            ) {
                Rendering.creditLimits($0)
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve the pending limit proposal, as someone other than its proposer (limit.approve).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ApproveLimitParams(
                customer: self.subject.customer, group: self.subject.group, note: self.note, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.approveLimit, params, as: CreditLimitsResult.self, write
            ) {
                Rendering.creditLimits($0)
            }
        }
    }

    struct Reject: ParsableCommand, LimitDecisionCommand {
        static let configuration = CommandConfiguration(abstract: "Reject the pending limit proposal (limit.reject).")
        static let method = Method.rejectLimit
        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions
        var limit: Int? { nil }
        func run() throws { try self.decide() }
    }

    struct Freeze: ParsableCommand, LimitDecisionCommand {
        static let configuration = CommandConfiguration(
            abstract: "Freeze a limit in force, or every one when no number is given (limit.freeze).")
        static let method = Method.freezeLimit
        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Argument(help: "The limit's number; every limit in force when absent.") var limit: Int?
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions
        func run() throws { try self.decide() }
    }

    struct Unfreeze: ParsableCommand, LimitDecisionCommand {
        static let configuration = CommandConfiguration(abstract: "Unfreeze a frozen limit (limit.unfreeze).")
        static let method = Method.unfreezeLimit
        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Argument(help: "The limit's number.") var number: Int
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions
        var limit: Int? { self.number }
        func run() throws { try self.decide() }
    }

    struct Revoke: ParsableCommand, LimitDecisionCommand {
        static let configuration = CommandConfiguration(abstract: "End a limit for good (limit.revoke).")
        static let method = Method.revokeLimit
        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Argument(help: "The limit's number.") var number: Int
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions
        var limit: Int? { self.number }
        func run() throws { try self.decide() }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a customer's or group's limits (limit.show).")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var subject: SubjectOptions
        @Option(name: .customLong("as-of"), help: "As the log showed them then (RFC 3339).") var asOf: Timestamp?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.showLimits,
                    ShowLimitsParams(customer: self.subject.customer, group: self.subject.group, asOf: self.asOf),
                    as: CreditLimitsResult.self)
            } render: {
                Rendering.creditLimits($0)
            }
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Limits expiring soon (limit.expiring).")

        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("within-days"), help: "The window from today (default from the daemon's policy).")
        var withinDays: Int?
        @Option(help: "Start after this position (a previous page's next).") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.expiringLimits,
                    ExpiringLimitsParams(
                        withinDays: self.withinDays, after: self.after, limit: self.limit, asOf: self.at.asOf),
                    as: ExpiringLimitsResult.self)
            } render: {
                Rendering.expiringLimits($0)
            }
        }
    }
}

/// `reject`, `freeze`, `unfreeze`, `revoke`: a decision with a reason on a subject's pending
/// proposal or one of its limits.
protocol LimitDecisionCommand {
    static var method: Method { get }
    var options: GlobalOptions { get }
    var subject: SubjectOptions { get }
    var reason: String { get }
    var write: WriteOptions { get }
    var limit: Int? { get }
}

extension LimitDecisionCommand {
    func decide() throws {
        let write = self.write.attempts()
        let (customer, group, reason, id) = (self.subject.customer, self.subject.group, self.reason, write.requestID)
        try ClientRunner(options: self.options).run(write) { connection in
            switch (Self.method, self.limit) {
            case (Method.rejectLimit, _):
                let params = LimitActionParams(customer: customer, group: group, reason: reason, requestId: id)
                return try connection.call(Self.method, params, as: CreditLimitsResult.self)
            case (Method.freezeLimit, let limit):
                let params = FreezeLimitParams(
                    customer: customer, group: group, limit: limit, reason: reason, requestId: id)
                return try connection.call(Self.method, params, as: CreditLimitsResult.self)
            case (_, let limit?):
                let params = LimitNumberActionParams(
                    customer: customer, group: group, limit: limit, reason: reason, requestId: id)
                return try connection.call(Self.method, params, as: CreditLimitsResult.self)
            case (_, nil):
                throw ValidationError("\(Self.method.name) needs the limit's number")
            }
        } render: {
            Rendering.creditLimits($0)
        }
    }
}
