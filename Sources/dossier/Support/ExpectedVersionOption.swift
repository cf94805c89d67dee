import ArgumentParser
import DossierCore

/// `--expected-version`: optimistic concurrency for a write to one stream, as a person who
/// read the dossier at a version passes it back.
struct ExpectedVersionOption: ParsableArguments {
    @Option(
        name: .customLong("expected-version"),
        help: "Refuse unless the stream the command writes (the customer's, the complaint's) is at this version.")
    var version: UInt64?

    var expected: ExpectedVersion? { self.version.map { .exact($0) } }
}
