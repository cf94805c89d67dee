import DossierClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Many clients driven by few threads, the way `pgbench -c 32 -j 2` drives PostgreSQL: each
/// client is its own connection with one `customer.flag` in flight, and sends the next as soon
/// as its reply arrives; a thread waits on all of its connections at once with poll(2).
///
/// A thread per client would spend most of the shared two cores on its own context switches
/// and measure the load generator rather than the daemon.
enum ClosedLoopLoad {
    /// Runs `clients` clients on `threads` threads for `configuration.seconds`; returns the
    /// durable replies per second.
    static func run(clients: Int, threads: Int, socket: String, detail: String, _ configuration: BenchConfiguration)
        async throws -> Double
    {
        let start = Date()
        let results = await onThreads(threads) { thread -> Result<Int, any Error> in
            Result {
                try Self.drive(
                    clients: Array(stride(from: thread, to: clients, by: threads)), socket: socket, detail: detail,
                    until: start.addingTimeInterval(configuration.seconds), configuration)
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        return Double(try results.map { try $0.get() }.reduce(0, +)) / elapsed
    }

    /// One thread's clients until `deadline`; then lets each finish its last request.
    private static func drive(
        clients indices: [Int], socket: String, detail: String, until deadline: Date, _ configuration: BenchConfiguration
    ) throws -> Int {
        var clients = try indices.map {
            try LoadClient(socketPath: socket, detail: detail, streams: configuration.streams, seed: UInt64($0 + 100))
        }
        for index in clients.indices { try clients[index].connection.send(line: clients[index].flagLine()) }
        var waitingOn = clients.map { pollfd(fd: $0.connection.fileDescriptor, events: Int16(POLLIN), revents: 0) }
        var answered = 0
        var outstanding = clients.count
        while outstanding > 0 {
            let ready = poll(&waitingOn, nfds_t(waitingOn.count), 120_000)
            if ready < 0 {
                if errno == EINTR { continue }
                throw BenchError.failed("poll failed: \(String(cString: strerror(errno)))")
            }
            guard ready > 0 else { throw BenchError.failed("no reply within 120 s") }
            let stopping = Date() >= deadline
            for index in waitingOn.indices where waitingOn[index].revents != 0 {
                for line in try clients[index].connection.receiveAvailableLines() {
                    try LoadClient.check(line)
                    answered += 1
                    if stopping {
                        outstanding -= 1
                        waitingOn[index].fd = -1  // poll skips it from now on
                    } else {
                        try clients[index].connection.send(line: clients[index].flagLine())
                    }
                }
            }
        }
        return answered
    }
}
