import ArgumentParser
import DossierClient
import DossierProtocol
import Foundation

struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping", abstract: "Check that dossierd answers, and show its version and who you are to it.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let started = Date()
        try ClientRunner(options: self.options).run { connection in
            try connection.call(Method.hello, NoParams(), as: HelloResult.self)
        } render: { hello in
            let milliseconds = Date().timeIntervalSince(started) * 1000
            return "pong from \(hello.server) \(hello.version) (protocol \(hello.protocolVersion)"
                + (hello.serverUid.map { ", running as uid \($0)" } ?? "") + ") in "
                + String(format: "%.1f ms", milliseconds) + "; you are \(hello.user) (uid \(hello.uid)), "
                + (hello.role.map { "role \($0.rawValue)" } ?? "with no role")
        }
    }
}
