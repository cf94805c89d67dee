import ArgumentParser
import DossierClient
import DossierCore
import DossierImport
import DossierProtocol
import Foundation

/// `dossier import KIND FILE`: loads a file as banks have it (CFPB complaints, UCI card holders,
/// agency ratings, or any CSV through a mapping file) in batches through `import.rows`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file: cfpb, uci-credit, agency-ratings, or mapped (with --mapping).",
        discussion: """
            Rows go to the daemon in batches; each row is stored whole or not at all. A row whose source and \
            key were imported before is a duplicate and appends nothing, so importing a file again, or after \
            an interruption, adds only what is missing. Bad rows go to --rejects with their line, column and \
            reason. Exit status: 0 when no row was rejected, 65 when some were (or a --strict import stopped), \
            66 when the file cannot be read as that kind.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case cfpb
        case uciCredit = "uci-credit"
        case agencyRatings = "agency-ratings"
        case mapped
    }

    @OptionGroup var options: GlobalOptions
    @Argument(help: "cfpb, uci-credit, agency-ratings or mapped.") var kind: Kind
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "A mapping file (TOML): required for mapped; overrides the defaults of the other kinds.")
    var mapping: String?
    @Option(help: "Write the rejected rows here as CSV (line, column, key, code, reason).") var rejects: String?
    @Flag(help: "Read and check the whole file, send nothing.") var dryRun = false
    @Flag(help: "Stop at the first bad row.") var strict = false
    @Option(help: "The file's encoding, e.g. GB18030, GBK, LATIN1 (default: detected).") var encoding: String?
    @Option(help: "Rows per request (at most the daemon's import.max_rows_per_request).") var batchRows = 500
    @Option(help: "Requests sent before waiting for the first answer.") var inFlight = 4
    @Option(help: "Most bytes of rows per request, estimated (keep under the daemon's server.max_line_bytes).")
    var batchBytes = 512 * 1024

    func validate() throws {
        guard (1...100_000).contains(self.batchRows) else { throw ValidationError("--batch-rows must be 1 to 100000") }
        guard (1...64).contains(self.inFlight) else { throw ValidationError("--in-flight must be 1 to 64") }
        guard (1024...(1 << 30)).contains(self.batchBytes) else {
            throw ValidationError("--batch-bytes must be 1024 to 1073741824")
        }
        if self.kind == .mapped, self.mapping == nil { throw ValidationError("mapped needs --mapping FILE.toml") }
    }

    func run() throws {
        let runner = ClientRunner(options: self.options)
        let format: any ImportFormat
        let rejectFile: RejectFile?
        do {
            format = try self.format()
            rejectFile = try self.rejects.map { try RejectFile(path: $0) }
        } catch let error as ImportFileError {
            ClientRunner.printError("dossier: \(error)")
            throw ExitCode(66)
        }
        var importOptions = ImportOptions()
        importOptions.batchRows = self.batchRows
        importOptions.batchesInFlight = self.inFlight
        importOptions.batchBytes = self.batchBytes
        importOptions.dryRun = self.dryRun
        importOptions.strict = self.strict
        importOptions.encoding = self.encoding
        let bar = !self.options.json && ImportProgressBar.isWanted ? ImportProgressBar() : nil
        let importer = ImportRunner(format: format, options: importOptions, rejects: rejectFile) { bar?.draw($0) }
        let summary: ImportSummary
        do {
            let sink = self.dryRun ? nil : ConnectionSink(connection: try self.options.connect())
            summary = try importer.run(path: self.file, sink: sink)
            bar?.finish()
        } catch let error as ImportFileError {
            bar?.finish()
            ClientRunner.printError("dossier: \(error)")
            throw ExitCode(66)
        } catch {
            bar?.finish()
            throw runner.fail(error)
        }
        if self.options.json {
            print(String(decoding: try DossierJSON.encode(summary), as: UTF8.self))
        } else {
            print(summary.text)
            if let path = self.rejects, summary.rejected > 0 { print("rejects       \(path)") }
        }
        if summary.rejected > 0 { throw ExitCode(ExitStatus.refused) }
    }

    /// The kind's format, with the mapping file's settings over its defaults.
    private func format() throws(ImportFileError) -> any ImportFormat {
        let mapping = try self.mapping.map { path throws(ImportFileError) in try MappingFile(path: path) } ?? MappingFile()
        let format: any ImportFormat
        switch self.kind {
        case .cfpb: format = try CFPBFormat(mapping: mapping)
        case .uciCredit: format = try UCICreditFormat(mapping: mapping)
        case .agencyRatings: format = try AgencyRatingsFormat(mapping: mapping)
        case .mapped: format = try MappedFormat(mapping: mapping)
        }
        try mapping.checkAllRead()
        return format
    }
}
