import DossierClient
import DossierCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A client that writes requests as prebuilt lines, so that the load generator spends as
/// little of the shared CPU as possible on JSON.
struct LoadClient {
    let connection: DossierConnection
    let detail: String
    let streams: Int
    var random: SplitMix64
    var nextID: Int64 = 1
    let ids = TimeOrderedUUID()

    init(socketPath: String, detail: String, streams: Int, seed: UInt64) throws {
        self.connection = try DossierConnection(socketPath: socketPath, timeoutSeconds: 120)
        self.detail = detail
        self.streams = streams
        self.random = SplitMix64(seed: seed)
    }

    /// A `customer.flag` request for a random customer, with a time-ordered request id.
    mutating func flagLine() -> [UInt8] {
        let customer = WorkloadData.customerID(Int(self.random.next() % UInt64(self.streams)))
        defer { self.nextID += 1 }
        return Array(
            (#"{"id":\#(self.nextID),"method":"customer.flag","params":{"customer":"\#(customer)","kind":"high_debt_ratio","#
                + #""source":"bench","detail":"\#(self.detail)","requestId":"\#(self.ids.next().uuidString)"}}"#).utf8)
    }

    mutating func showLine() -> [UInt8] {
        let customer = WorkloadData.customerID(Int(self.random.next() % UInt64(self.streams)))
        defer { self.nextID += 1 }
        return Array(#"{"id":\#(self.nextID),"method":"customer.show","params":{"id":"\#(customer)"}}"#.utf8)
    }

    static func registerLine(_ index: Int) -> [UInt8] {
        Array(
            #"{"id":\#(index),"method":"customer.register","params":{"id":"\#(WorkloadData.customerID(index))","name":"Bench \#(index)","kind":"corporate"}}"#
                .utf8)
    }

    /// Reads one reply and fails on an error reply. Keys are sorted on the wire, so an error
    /// reply starts with `{"error"` and a success with `{"id"`.
    func expectSuccess() throws {
        try Self.check(try self.connection.receiveLine())
    }

    /// Fails on an error reply.
    static func check(_ line: [UInt8]) throws {
        if line.starts(with: Self.errorPrefix) {
            throw BenchError.failed("request failed: \(String(decoding: line.prefix(300), as: UTF8.self))")
        }
    }

    private static let errorPrefix = Array(#"{"error""#.utf8)

    /// One request, one reply.
    mutating func call(_ line: [UInt8]) throws {
        try self.connection.send(line: line)
        try self.expectSuccess()
    }

    /// Sends `count` lines keeping `depth` in flight; returns when every reply arrived.
    ///
    /// Waits with `poll` for room to send or replies to read, whichever comes, and reads every
    /// reply that has arrived before sending more: the daemon stops reading a connection whose
    /// replies are not being read (back-pressure), so a client that blocked in `send` with its
    /// own receive buffer full of replies would wait for ever. Replies grow with the dossier (a
    /// customer's open flags), so at a million events 256 of them no longer fit the buffers.
    mutating func pipeline(count: Int, depth: Int, _ makeLine: (inout LoadClient) -> [UInt8]) throws {
        var sent = 0
        var received = 0
        while received < count {
            let wantsToSend = sent < count && sent - received < depth
            var descriptor = pollfd(
                fd: self.connection.fileDescriptor, events: Int16(POLLIN) | (wantsToSend ? Int16(POLLOUT) : 0), revents: 0)
            let ready = poll(&descriptor, 1, Self.pollTimeoutMilliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else {
                throw BenchError.failed("neither a reply nor room to send within \(Self.pollTimeoutMilliseconds / 1000) s")
            }
            if descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                for line in try self.connection.receiveAvailableLines() {
                    try Self.check(line)
                    received += 1
                }
            }
            if wantsToSend, descriptor.revents & Int16(POLLOUT) != 0 {
                try self.connection.send(line: makeLine(&self))
                sent += 1
            }
        }
    }

    static let pollTimeoutMilliseconds: Int32 = 120_000
}
