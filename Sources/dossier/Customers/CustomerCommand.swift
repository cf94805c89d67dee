import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Open and look up customers' dossiers.",
        subcommands: [
            Add.self, Show.self, List.self, Flag.self, ResolveFlag.self, Stage.self, Tier.self, Flagged.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a customer (customer.register).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The bank's customer id.") var id: String
        @Option(help: "Legal or personal name.") var name: String
        @Option(help: "individual or corporate.") var kind: CustomerKind
        @Option(help: "Pool stage.") var stage: PoolStage?
        @Option(help: "Tier.") var tier: CustomerTier?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = RegisterCustomerParams(
                id: self.id, name: self.name, kind: self.kind, stage: self.stage, tier: self.tier,
                requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.registerCustomer, params, as: CustomerResult.self, write
            ) { Rendering.customer($0) }
        }
    }

    struct Flag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a warning flag (bad record) on a customer (customer.flag).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var id: String
        @Option(help: "What was observed.") var kind: FlagKind
        @Option(help: "Where the fact came from (credit bureau, system, branch).") var source: String
        @Option(help: "Free text.") var detail: String?
        @Option(name: .customLong("observed-on"), help: "When it was observed (yyyy-MM-dd; default today).")
        var observedOn: LocalDate?
        @Option(help: "What the bank does about it.") var response: FlagResponse?
        @OptionGroup var expectedVersion: ExpectedVersionOption
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = FlagCustomerParams(
                customer: self.id, kind: self.kind, source: self.source, detail: self.detail,
                observedOn: self.observedOn, response: self.response, expectedVersion: self.expectedVersion.expected,
                requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.flagCustomer, params, as: CustomerResult.self, write
            ) { Rendering.customer($0) }
        }
    }

    struct ResolveFlag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve-flag",
            abstract: "Record that an open warning flag of a customer was resolved (customer.resolve-flag).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var id: String
        @Argument(help: "The flag's number, as `customer show` lists it.") var flag: Int
        @Option(help: "How it was resolved.") var outcome: FlagOutcome
        @Option(name: .customLong("resolved-on"), help: "When it was resolved (yyyy-MM-dd; default today).")
        var resolvedOn: LocalDate?
        @Option(help: "Free text.") var note: String?
        @OptionGroup var expectedVersion: ExpectedVersionOption
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ResolveFlagParams(
                customer: self.id, flag: self.flag, outcome: self.outcome, resolvedOn: self.resolvedOn, note: self.note,
                expectedVersion: self.expectedVersion.expected, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.resolveFlag, params, as: CustomerResult.self, write
            ) { Rendering.customer($0) }
        }
    }

    struct Stage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a customer to another pool stage (customer.change-stage).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var id: String
        @Option(help: "The new stage.") var to: PoolStage
        @Option(help: "promoted (up one stage), paused or demoted (back to prospect).") var reason: StageChangeReason
        @Option(help: "Free text.") var note: String?
        @OptionGroup var expectedVersion: ExpectedVersionOption
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ChangeStageParams(
                customer: self.id, stage: self.to, reason: self.reason, note: self.note,
                expectedVersion: self.expectedVersion.expected, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.changeStage, params, as: CustomerResult.self, write
            ) { Rendering.customer($0) }
        }
    }

    struct Tier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a customer to another tier (customer.change-tier).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var id: String
        @Option(help: "The new tier.") var to: CustomerTier
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var expectedVersion: ExpectedVersionOption
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ChangeTierParams(
                customer: self.id, tier: self.to, reason: self.reason,
                expectedVersion: self.expectedVersion.expected, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.changeTier, params, as: CustomerResult.self, write
            ) { Rendering.customer($0) }
        }
    }

    struct Flagged: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List customers with an open flag of a kind (customer.list-flagged).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The kind of open flag.") var kind: FlagKind
        @Option(help: "Start after this id.") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.listFlaggedCustomers,
                    ListFlaggedCustomersParams(
                        kind: self.kind, after: self.after, limit: self.limit, asOf: self.at.asOf),
                    as: FlaggedCustomersResult.self)
            } render: { Rendering.flaggedCustomers($0) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one customer's dossier: tier, stage, open flags, ratings, limits, group (customer.show).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var id: String
        @Option(name: .customLong("as-of"), help: "Show the customer as the log showed them then (RFC 3339).")
        var asOf: Timestamp?
        @ArgumentParser.Flag(help: "Also every event of the customer (up to --as-of), with its actor and a summary.")
        var history = false

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                var dossier = CustomerDossier(
                    try connection.call(
                        Method.showCustomer, CustomerIDParams(id: self.id, asOf: self.asOf), as: CustomerResult.self))
                try dossier.addCredit(from: connection, asOf: self.asOf)
                try dossier.addComplaints(from: connection, asOf: self.asOf)
                if self.history { try dossier.loadHistory(from: connection, asOf: self.asOf) }
                return dossier
            } render: { $0.rendered }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers in id order (customer.list).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Start after this id.") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?
        @OptionGroup var at: AsOfOption

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.listCustomers, ListCustomersParams(after: self.after, limit: self.limit, asOf: self.at.asOf),
                    as: CustomersResult.self)
            } render: { Rendering.customers($0) }
        }
    }
}
