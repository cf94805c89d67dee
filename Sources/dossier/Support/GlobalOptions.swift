import ArgumentParser
import DossierClient

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    static let valueOptions: Set<String> = ["--socket", "--timeout", "--expect-uid"]
    static let flags: Set<String> = ["--json"]

    /// Moves global options found before the first command word to the end of `arguments`.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if Self.flags.contains(argument) || (Self.valueOptions.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if Self.valueOptions.contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        return Array(arguments[index...]) + leading
    }

    @Option(name: .long, help: "dossierd's socket (default: $DOSSIER_SOCKET, else the daemon's default path).")
    var socket: String?

    @Flag(name: .long, help: "Print the result as JSON on stdout (errors as JSON on stderr), for scripts.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the daemon (0: forever).")
    var timeout: Double = 30

    @Option(
        name: .customLong("expect-uid"),
        help: ArgumentHelp(
            "Talk only to a daemon running as this uid (or root); repeat for more (default: $DOSSIER_EXPECT_UID).",
            discussion: """
                The client asks the kernel which uid serves the socket and refuses any other before sending \
                anything. Without this option (and without DOSSIER_EXPECT_UID, uids separated by commas) it \
                accepts root, your own uid and the system user dossier.
                """,
            valueName: "uid"))
    var expectUID: [UInt32] = []

    func validate() throws {
        do {
            _ = try self.serverIdentity()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The uids accepted as the server, from `--expect-uid` or the environment.
    func serverIdentity() throws(ClientEnvironment.InvalidVariable) -> ServerIdentity {
        try ClientEnvironment.serverIdentity(flag: self.expectUID)
    }

    /// A new connection to the daemon these options name, checked against the uids they accept.
    func connect() throws -> DossierConnection {
        try DossierConnection(
            socketPath: ClientEnvironment.socketPath(flag: self.socket), timeoutSeconds: self.timeout,
            serverIdentity: try self.serverIdentity())
    }
}
