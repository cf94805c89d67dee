import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing

/// `LogFollower`, which `dossier export --follow` and the PostgreSQL sink share: a catch-up run
/// ends at the head it found, and a position whose hash is not the log's is refused.
@Suite("LogFollower: catch-up to the head, and refusing another log", .timeLimit(.minutes(2)))
struct LogFollowerTests {
    static func follower(_ daemon: DaemonProcess, batch: Int) -> LogFollower {
        LogFollower(batch: batch, reconnects: 3, untilHead: true, connect: { try daemon.connect() })
    }

    @Test func aCatchUpRunHandsOverEveryEventOnceAndEndsAtTheHead() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try await FollowTests.write(daemon, count: 25, clients: 1, prefix: "c")
            let (seen, end, head) = try await onThread {
                var seen: [UInt64] = []
                let end = try Self.follower(daemon, batch: 4).run(from: .init(sequence: 0, hash: nil)) {
                    seen += $0.map(\.sequence)
                    return true
                }
                let head = try daemon.connect().call(Method.head, NoParams(), as: HeadResult.self)
                return (seen, end, head)
            }
            #expect(seen == Array(1...25))
            #expect(end == .init(sequence: head.sequence, hash: head.hash))

            // Resumed from where it ended, with the hash it saw there: nothing more, and no error.
            let again = try await onThread {
                try Self.follower(daemon, batch: 4).run(from: end) { _ in
                    Issue.record("no event is due after the head")
                    return true
                }
            }
            #expect(again == end)
        }
    }

    @Test func aPositionWhoseHashIsNotTheLogsIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            try await FollowTests.write(daemon, count: 10, clients: 1, prefix: "c")
            let forged = String(repeating: "ab", count: 32)
            for position in [
                LogFollower.Position(sequence: 5, hash: forged),  // inside the log
                LogFollower.Position(sequence: 10, hash: forged),  // at its head
                LogFollower.Position(sequence: 12, hash: forged),  // past its end
            ] {
                let outcome = try await onThread { () -> (any Error)? in
                    do {
                        try Self.follower(daemon, batch: 3).run(from: position) { _ in true }
                        return nil
                    } catch {
                        return error
                    }
                }
                guard case .divergedHistory(let sequence, let expected, _)? = outcome as? FollowError else {
                    Issue.record("position \(position): \(String(describing: outcome))")
                    continue
                }
                #expect(sequence == position.sequence && expected == forged)
            }
        }
    }
}
