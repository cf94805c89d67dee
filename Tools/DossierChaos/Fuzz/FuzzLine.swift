/// One line the protocol fuzzer sends, and what the daemon may answer.
struct FuzzLine: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case valid = "valid"
        case randomBytes = "random-bytes"
        case invalidUTF8 = "invalid-utf8"
        case deepNesting = "deep-nesting"
        case hugeNumber = "huge-number"
        case wrongType = "wrong-type"
        case missingField = "missing-field"
        case unknownMethod = "unknown-method"
        case notAnObject = "not-an-object"
        case oversized = "over-long"
        case atTheLimit = "at-the-limit"
        case mutated = "mutated"
        case oddJSON = "odd-json"
        case blank = "blank"
        case halfLine = "half-line-then-disconnect"
        case burst = "many-connections"
    }

    /// What the reply must be.
    enum Expectation: Equatable, Sendable {
        /// A result (a well-formed request); `write` ones must carry a receipt.
        case result(write: Bool)
        /// An error with a specific code (never `dossier.Internal`).
        case error
        /// `dossier.LineTooLong` without an id.
        case lineTooLong
        /// A result or a specific error: a mutation may well produce a valid request.
        case either
        /// No reply: the line is blank (only spaces and tabs), or the connection closes after it.
        case none
    }

    /// The line without its `\n`; never contains one.
    var bytes: [UInt8]
    var kind: Kind
    var expectation: Expectation
    /// The id the line carries when it is well-formed, which the reply must echo (nil: `"id": null`).
    var echoedID: EchoedID?

    enum EchoedID: Equatable, Sendable {
        case number(Int64)
        case string(String)
        case none
    }
}
