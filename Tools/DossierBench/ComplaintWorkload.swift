import DossierStore
import Foundation

/// The mixed complaint workload through the real daemon code: each client files a complaint
/// (numbered on the writer, checked for duplicates and group incidents), moves it through
/// acknowledge, assign, investigate and resolve, and every fifth round reads the overdue list
/// (`complaint.list` with the clocks). Requests are prebuilt lines, as in `LoadClient`.
enum ComplaintWorkload {
    static func run(
        socket: String, store: DossierStore, clients: Int, _ configuration: BenchConfiguration
    ) async throws -> MeasuredRate {
        progress(configuration, "dossier: mixed complaint workload (file, move, list due), \(clients) clients")
        let headBefore = try store.head().sequence
        let start = Date()
        let rounds = await onThreads(clients) {
            client -> Swift.Result<(files: Int, steps: Int, lists: Int), any Error> in
            Swift.Result {
                var load = try LoadClient(
                    socketPath: socket, detail: "", streams: configuration.streams, seed: UInt64(client + 300))
                var counts = (files: 0, steps: 0, lists: 0)
                var round = 0
                while Date().timeIntervalSince(start) < configuration.seconds {
                    let customer = WorkloadData.customerID(Int(load.random.next() % UInt64(configuration.streams)))
                    let subject = "bench \(client)-\(round)"
                    let filed = try load.reply(
                        #"{"id":1,"method":"complaint.file","params":{"customer":"\#(customer)","type":"service","channel":"app","level":"L2","subject":"\#(subject)"}}"#
                    )
                    counts.files += 1
                    guard let number = Self.number(in: filed) else {
                        throw BenchError.failed("no number in \(filed.prefix(200))")
                    }
                    for step in [
                        #""method":"complaint.acknowledge","params":{"number":"\#(number)"}"#,
                        #""method":"complaint.assign","params":{"number":"\#(number)","to":"bench.handler"}"#,
                        #""method":"complaint.investigate","params":{"number":"\#(number)"}"#,
                        #""method":"complaint.resolve","params":{"number":"\#(number)","result":"answered"}"#,
                    ] {
                        _ = try load.reply(#"{"id":2,"# + step + "}")
                        counts.steps += 1
                    }
                    if round % 5 == 0 {
                        _ = try load.reply(#"{"id":3,"method":"complaint.list","params":{"overdue":true,"limit":50}}"#)
                        counts.lists += 1
                    }
                    round += 1
                }
                return counts
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let appended = try store.head().sequence - headBefore
        var totals = (files: 0, steps: 0, lists: 0)
        for result in rounds {
            let counts = try result.get()
            totals.files += counts.files
            totals.steps += counts.steps
            totals.lists += counts.lists
        }
        return MeasuredRate(
            eventsPerSecond: Double(appended) / elapsed,
            note: "\(clients) clients: \(totals.files) filed, \(totals.steps) moved, \(totals.lists) due lists in "
                + String(format: "%.1f s", elapsed))
    }

    /// The complaint number in a `complaint.file` reply.
    static func number(in reply: String) -> String? {
        guard let range = reply.range(of: #""number":""#) else { return nil }
        let rest = reply[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension LoadClient {
    /// Sends one request line and returns its reply; fails on an error reply.
    mutating func reply(_ line: String) throws -> String {
        try self.connection.send(line: Array(line.utf8))
        let reply = try self.connection.receiveLine()
        try Self.check(reply)
        return String(decoding: reply, as: UTF8.self)
    }
}
