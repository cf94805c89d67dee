import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol
import Foundation

struct RatingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rating", abstract: "Propose, approve and look up customers' ratings on the configured scales.",
        subcommands: [
            Propose.self, Approve.self, Withdraw.self, Show.self, History.self, Due.self, QuarterlyDowngrade.self,
        ])

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a rating (rating.propose).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "The scale (corporate, individual, guarantee, agency, ...).") var scale: String
        @Option(help: "The grade; on scales with scores it follows from the score.") var grade: String?
        @Option(help: "The score, on scales with scores and no parts.") var score: ExactDecimal?
        @Option(name: .customLong("part"), help: "A part's points, as PART=POINTS; repeat for each part.")
        var parts: [PartScore] = []
        @Option(help: "Why the customer is rated.") var reason: RatingReason
        @Option(name: .customLong("effective-on"), help: "When it takes effect (yyyy-MM-dd; default today).")
        var effectiveOn: LocalDate?
        @Option(name: .customLong("next-review-on"), help: "The next review (yyyy-MM-dd; default a year on).")
        var nextReviewOn: LocalDate?
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ProposeRatingParams(
                customer: self.customer, scale: self.scale, grade: self.grade, score: self.score,
                parts: self.parts.isEmpty ? nil : self.parts, reason: self.reason, effectiveOn: self.effectiveOn,
                nextReviewOn: self.nextReviewOn, note: self.note, requestId: write.requestID)
            try ClientRunner(options: self.options).send(Method.proposeRating, params, as: RatingResult.self, write) {
                Rendering.rating($0)
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve the pending rating proposal, as someone other than its proposer (rating.approve).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "The scale.") var scale: String
        @Option(help: "Free text.") var note: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = ApproveRatingParams(
                customer: self.customer, scale: self.scale, note: self.note, requestId: write.requestID)
            try ClientRunner(options: self.options).send(Method.approveRating, params, as: RatingResult.self, write) {
                Rendering.rating($0)
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw the pending rating proposal (rating.withdraw).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "The scale.") var scale: String
        @Option(help: "Why (1 to 200 characters).") var reason: String
        @OptionGroup var write: WriteOptions

        func run() throws {
            let write = self.write.attempts()
            let params = WithdrawRatingParams(
                customer: self.customer, scale: self.scale, reason: self.reason, requestId: write.requestID)
            try ClientRunner(options: self.options).send(Method.withdrawRating, params, as: RatingResult.self, write) {
                Rendering.rating($0)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a customer's ratings (rating.show).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "Only this scale.") var scale: String?
        @Option(name: .customLong("as-of"), help: "As the log showed them then (RFC 3339; needs --scale).")
        var asOf: Timestamp?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.showRatings, ShowRatingsParams(customer: self.customer, scale: self.scale, asOf: self.asOf),
                    as: RatingsResult.self)
            } render: {
                Rendering.ratings($0)
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every rating a customer was given on a scale (rating.history).")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Customer id.") var customer: String
        @Option(help: "The scale.") var scale: String

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.ratingHistory, RatingHistoryParams(customer: self.customer, scale: self.scale),
                    as: RatingHistoryResult.self)
            } render: {
                Rendering.ratingHistory($0)
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ratings whose review is due or overdue (rating.due).")

        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("as-of"), help: "The day to judge by (yyyy-MM-dd; default today).") var asOf:
            LocalDate?
        @Option(name: .customLong("within-days"), help: "Also those due within this many days.") var withinDays: Int?
        @Option(help: "Start after this position (a previous page's next).") var after: String?
        @Option(help: "Page size, 1 to 1000.") var limit: Int?

        func run() throws {
            try ClientRunner(options: self.options).run { connection in
                try connection.call(
                    Method.ratingsDue,
                    RatingsDueParams(
                        asOf: self.asOf, withinDays: self.withinDays, after: self.after, limit: self.limit),
                    as: RatingsDueResult.self)
            } render: {
                Rendering.ratingsDue($0)
            }
        }
    }

    struct QuarterlyDowngrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quarterly-downgrade",
            abstract: "Run a scale's quarterly downgrade rule on customers' volumes (rating.quarterly-downgrade).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The scale.") var scale: String
        @Option(help: "The quarter, ended (e.g. 2026Q1).") var quarter: CalendarQuarter
        @Option(name: .customLong("volume"), help: "A customer's volume, as CUSTOMER=AMOUNT; repeat for each.")
        var volumes: [CustomerVolume] = []
        @Option(
            name: .customLong("volumes-file"),
            help: "A file of CUSTOMER,AMOUNT lines (as a core banking system exports them).")
        var volumesFile: String?
        @OptionGroup var write: WriteOptions

        func run() throws {
            var volumes = self.volumes
            if let path = self.volumesFile {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                for line in text.split(whereSeparator: \.isNewline)
                where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard let volume = CustomerVolume(argument: line.replacingOccurrences(of: ",", with: "=")) else {
                        throw ValidationError("\(path): \"\(line)\" is not CUSTOMER,AMOUNT")
                    }
                    volumes.append(volume)
                }
            }
            let write = self.write.attempts()
            let params = QuarterlyDowngradeParams(
                scale: self.scale, quarter: self.quarter, volumes: volumes, requestId: write.requestID)
            try ClientRunner(options: self.options).send(
                Method.quarterlyDowngrade, params, as: QuarterlyDowngradeResult.self, write
            ) {
                Rendering.quarterlyDowngrade($0)
            }
        }
    }
}
