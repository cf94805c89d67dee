import ArgumentParser
import DossierClient
import DossierCore
import DossierProtocol

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Read the event log: one stream, or the whole log (log.read).")

    @OptionGroup var options: GlobalOptions
    @Option(help: "A stream such as customer-42 or complaint-HQ241124001; the whole log when absent.")
    var stream: String?
    @Option(help: "First stream version (with --stream) or first global sequence.") var from: UInt64?
    @Option(help: "Page size, 1 to 1000.") var limit: Int?

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            try connection.call(
                Method.readLog, ReadLogParams(stream: self.stream, from: self.from, limit: self.limit),
                as: EventsResult.self)
        } render: { Rendering.events($0) }
    }
}

struct HeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head", abstract: "Show the last sequence and the head hash, to write down and check later.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            try connection.call(Method.head, NoParams(), as: HeadResult.self)
        } render: { Rendering.head($0) }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the log's integrity, and prove it to others.",
        subcommands: [
            Verify.self, Replay.self, TreeHead.self, ProveInclusion.self, ProveConsistency.self, CheckProof.self,
        ])

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild every projection from the log and compare it byte for byte (audit.replay).")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            var matches = true
            try ClientRunner(options: self.options).run { connection in
                let result = try connection.call(Method.replay, NoParams(), as: ReplayResult.self)
                matches = result.matches
                return result
            } render: { Rendering.replay($0) }
            if !matches { throw ExitCode(ExitStatus.refused) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain over every event and compare it with the head (audit.verify).")

        @OptionGroup var options: GlobalOptions
        @Option(
            help: ArgumentHelp(
                "A head written down earlier, SEQUENCE:HASH (as `dossier head` prints it): also check that the log extends it.",
                valueName: "seq:hash"))
        var against: String?

        func run() throws {
            var passed = true
            try ClientRunner(options: self.options).run { connection in
                let result = try connection.call(Method.verify, VerifyParams(against: self.against), as: VerifyResult.self)
                passed = result.intact && result.extends != false
                return result
            } render: { Rendering.verification($0) }
            if !passed { throw ExitCode(ExitStatus.refused) }
        }
    }
}

struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Send any method with raw JSON params; prints the raw result.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "Method name, e.g. system.methods.") var method: String
    @Argument(help: "Params as a JSON object.") var params: String?

    func run() throws {
        try ClientRunner(options: self.options).run { connection in
            let line = try connection.callRaw(method: self.method, params: self.params.map { Array($0.utf8) })
            return try DossierJSON.decode(ResultEnvelope<JSONValue>.self, from: line).result
        } render: { result in
            String(decoding: (try? DossierJSON.encode(result)) ?? [], as: UTF8.self)
        }
    }
}
