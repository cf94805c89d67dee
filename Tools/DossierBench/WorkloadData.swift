import DossierCore
import Foundation

/// The data every workload writes: a stream picked at random among `streams`, the next
/// version of that stream, a time-ordered unique event id, and a payload of about
/// `payloadBytes` bytes.
struct WorkloadData {
    let streams: Int
    let payload: [UInt8]
    /// The `detail` text that makes a `customer.flag` payload about `payloadBytes` long.
    let detail: String
    private var versions: [UInt64]
    private var random: SplitMix64
    private let ids = TimeOrderedUUID()

    init(streams: Int, payloadBytes: Int, seed: UInt64 = 42) {
        self.streams = streams
        // {"customer":"c01234","detail":"...","kind":"high_debt_ratio","observedOn":"2026-11-24","source":"bench"}
        let envelope = 100
        self.detail = String(repeating: "x", count: max(16, payloadBytes - envelope))
        self.payload = Array(String(repeating: "p", count: payloadBytes).utf8)
        self.versions = Array(repeating: 0, count: streams)
        self.random = SplitMix64(seed: seed)
    }

    static func customerID(_ index: Int) -> String { "c" + String(format: "%06d", index) }

    mutating func nextStream() -> Int { Int(self.random.next() % UInt64(self.streams)) }

    /// The next (stream index, version) pair.
    mutating func nextAppend() -> (stream: Int, version: UInt64) {
        let stream = self.nextStream()
        self.versions[stream] += 1
        return (stream, self.versions[stream])
    }

    func nextID() -> UUID { self.ids.next() }
}

extension UUID {
    var bytes: [UInt8] { withUnsafeBytes(of: self.uuid) { Array($0) } }
}

extension UInt64 {
    var bigEndianBytes: [UInt8] { withUnsafeBytes(of: self.bigEndian) { Array($0) } }
}
