import ArgumentParser
import DossierCore

/// `--as-of`, shared by the lists and reports: what they showed at a past time, from the log.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "As the log showed it at this time (RFC 3339); default now.")
    var asOf: Timestamp?
}
