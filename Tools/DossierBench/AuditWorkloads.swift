import DossierStore
import Foundation
import Histogram

/// What an auditor and a downstream system see: a `log.follow` stream keeping up with live
/// writes, and inclusion proofs on the stored log, through the real daemon code.
enum AuditWorkloads {
    /// One follower on `log.follow` from the current head while one pipelining client writes
    /// for `seconds`: the events it received per second, from its request until it holds the
    /// last event written. It reads every line a real follower would; it takes the count from
    /// each line's `next` rather than decoding the events, so the figure is the daemon's.
    static func follow(
        socket: String, store: DossierStore, detail: String, _ configuration: BenchConfiguration
    ) async throws -> MeasuredRate {
        progress(configuration, "dossier: log.follow while 1 client writes pipelined")
        let from = try store.head().sequence + 1
        let start = Date()
        let writes = Task { await onThreads(1) { _ in
            Result { () throws -> Int in
                var client = try LoadClient(socketPath: socket, detail: detail, streams: configuration.streams, seed: 31)
                var done = 0
                while Date().timeIntervalSince(start) < configuration.seconds {
                    try client.pipeline(count: 500, depth: configuration.pipelineDepth) { $0.flagLine() }
                    done += 500
                }
                return done
            }
        } }
        let lastWritten = SharedHead()
        let followed = Task { await onThreads(1) { _ in
            Result { () throws -> (next: UInt64, at: Date) in
                let client = try LoadClient(socketPath: socket, detail: "", streams: 1, seed: 1)
                // Heartbeats each second wake the follower once the writes stop, so it can see
                // that it already holds the last event; the time taken is that line's arrival.
                try client.connection.send(
                    line: Array(
                        #"{"id":1,"method":"log.follow","params":{"from":\#(from),"batch":1000,"heartbeatSeconds":1}}"#
                            .utf8))
                var advanced = (next: from, at: Date())
                while true {
                    let line = try client.connection.receiveLine()
                    try LoadClient.check(line)
                    guard let next = Self.next(in: line) else { throw BenchError.failed("no next in a follow line") }
                    if next > advanced.next { advanced = (next, Date()) }
                    if let last = lastWritten.value, advanced.next > last { return advanced }
                }
            }
        } }
        let written = try await writes.value[0].get()
        let writersDone = Date()
        lastWritten.value = try store.head().sequence
        let (next, caughtUp) = try await followed.value[0].get()
        let received = Double(next - from)
        let lag = max(0, caughtUp.timeIntervalSince(writersDone))
        return MeasuredRate(
            eventsPerSecond: received / caughtUp.timeIntervalSince(start),
            note: String(
                format: "%d events; the writer appended %.0f events/s; caught up %.0f ms after the last write",
                Int(received), Double(written) / writersDone.timeIntervalSince(start), lag * 1000))
    }

    /// `audit.prove-inclusion` of random events in the whole stored log, one client, for
    /// `seconds`: the latency of each proof, as an auditor's request sees it.
    static func proveLatency(
        socket: String, events: UInt64, _ configuration: BenchConfiguration
    ) async throws -> Histogram<UInt64> {
        progress(configuration, "dossier: audit.prove-inclusion latency at \(events) events")
        let start = Date()
        let results = await onThreads(1) { _ in
            Result { () throws -> Histogram<UInt64> in
                var client = try LoadClient(socketPath: socket, detail: "", streams: 1, seed: 77)
                var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
                while Date().timeIntervalSince(start) < configuration.seconds {
                    let sequence = client.random.next() % events + 1
                    let line = Array(
                        #"{"id":1,"method":"audit.prove-inclusion","params":{"sequence":\#(sequence),"size":\#(events)}}"#.utf8)
                    let sent = DispatchTime.now().uptimeNanoseconds
                    try client.call(line)
                    _ = histogram.record((DispatchTime.now().uptimeNanoseconds - sent) / 1000)
                }
                return histogram
            }
        }
        return try results[0].get()
    }

    /// The value of the last `"next":` in a follow line (keys are sorted, so it closes the result).
    static func next(in line: [UInt8]) -> UInt64? {
        let key = Array(#""next":"#.utf8)
        guard line.count > key.count else { return nil }
        var index = line.count - key.count
        while index >= 0, !line[index..<(index + key.count)].elementsEqual(key) { index -= 1 }
        guard index >= 0 else { return nil }
        let digits = line[(index + key.count)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }
}

/// The head once the writers are done, set by one thread and read by the follower's.
private final class SharedHead: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: UInt64?

    var value: UInt64? {
        get { self.lock.withLock { self.stored } }
        set { self.lock.withLock { self.stored = newValue } }
    }
}
