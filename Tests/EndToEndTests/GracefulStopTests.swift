import DossierChaos
import DossierClient
import DossierCore
import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("A graceful stop under load")
struct GracefulStopTests {
    /// SIGTERM while four clients stream writes: the daemon stops reading, answers every
    /// request it took in (a prefix of each client's requests, in order), exits 0, and every
    /// write it answered is in the log at the sequence its reply gave.
    @Test func theDaemonAnswersWhatItTookInAndLosesNoAnsweredWrite() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            _ = try daemon.connect().call(
                Method.registerCustomer, RegisterCustomerParams(id: "c1", name: "Customer", kind: .individual),
                as: CustomerResult.self)
            let clients = 4
            let requestsPerClient = 3000
            let connections = try (0..<clients).map { _ in try daemon.connect() }

            // Senders stream their requests on threads of their own (a blocked send must not
            // hold a thread of the test's task pool); the stop comes while they are at it.
            let senders = DispatchGroup()
            for (index, connection) in connections.enumerated() {
                nonisolated(unsafe) let connection = connection
                senders.enter()
                Thread {
                    defer { senders.leave() }
                    for request in 0..<requestsPerClient {
                        let line = #"{"id":\#(request),"method":"customer.flag","params":{"customer":"c1","kind":"default","source":"client \#(index)"}}"#
                        do { try connection.send(line: Array(line.utf8)) } catch { return }  // closed by the stop
                    }
                }.start()
            }
            try await Task.sleep(for: .milliseconds(300))
            guard let pid = daemon.pid else { throw DaemonProcessError.notReady(log: daemon.log) }
            kill(pid, SIGTERM)

            var answered: [(sequence: UInt64, eventID: UUID)] = []
            for connection in connections {
                var expectedID: Int64 = 0
                while let line = try? connection.receiveLine() {
                    let header = try DossierJSON.decode(ReplyHeader.self, from: line)
                    #expect(header.id == .number(expectedID), "replies come in request order")
                    expectedID += 1
                    guard header.error == nil else { continue }
                    let result = try DossierJSON.decode(ResultEnvelope<CustomerResult>.self, from: line).result
                    let receipt = try #require(result.receipt)
                    answered.append((receipt.sequence, receipt.eventId))
                }
            }
            await withCheckedContinuation { done in senders.notify(queue: .global()) { done.resume() } }
            #expect(daemon.stop() == 0)
            #expect(answered.count > 0)
            #expect(answered.count < clients * requestsPerClient, "the stop came before the clients were done")

            try daemon.start()
            defer { daemon.stop() }
            let audit = try LogAudit(reading: try daemon.connect())
            for write in answered {
                #expect(audit.eventsByID[write.eventID]?.sequence == write.sequence)
            }
        }
    }

    /// A client that sends more than the socket buffers hold, shuts down its writing side and
    /// only then reads: every reply still arrives (the daemon closes only after its replies
    /// have left for the socket, not when the last one is computed).
    @Test func aHalfClosedSlowReaderGetsEveryReply() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            // About 60 KB of requests (the socket takes them all without the daemon reading) for
            // several megabytes of replies, far more than a Unix socket buffers.
            let requests = 1000
            // One write: the socket counts each send's overhead, and a thousand small sends
            // would fill its buffer while the daemon, rightly, holds back reading.
            try connection.write(raw: (0..<requests).flatMap { Array(#"{"id":\#($0),"method":"system.methods"}"#.utf8) + [0x0A] })
            connection.finishWriting()
            try await Task.sleep(for: .seconds(1))  // the daemon has answered all it can by now
            var received = 0
            while let line = try? connection.receiveLine() {
                #expect(try DossierJSON.decode(ReplyHeader.self, from: line).id == .number(Int64(received)))
                received += 1
            }
            #expect(received == requests)
        }
    }
}
