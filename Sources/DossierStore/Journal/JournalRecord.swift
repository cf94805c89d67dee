import Crypto

/// One group commit in the journal: the stored bytes of every event the group appended, in
/// sequence order, as `events` holds them (hash, then record).
///
/// Layout: magic (4), payload length (4), epoch (8), first sequence (8), event count (4),
/// checksum (16: SHA-256 of the 28 bytes before it and the payload), then per event a flag
/// byte (1: its projections were applied by the command), a length (4) and the stored bytes.
/// A record whose checksum fails is where the journal ends: a power cut tore it, so it was
/// never acknowledged.
struct JournalRecord: Equatable {
    struct Entry: Equatable {
        /// The command projected it (raw `append`s do not), so replaying it projects it too.
        var projected: Bool
        /// `hash || record`, the value in `events`.
        var stored: [UInt8]
    }

    static let magic: [UInt8] = Array("DSRC".utf8)
    static let headerLength = 44

    var epoch: UInt64
    var firstSequence: UInt64
    var entries: [Entry]

    var lastSequence: UInt64 { self.firstSequence + UInt64(self.entries.count) - 1 }

    func encoded() -> [UInt8] {
        var payload = ByteWriter(capacity: self.entries.reduce(0) { $0 + $1.stored.count + 5 })
        for entry in self.entries {
            payload.write(UInt8(entry.projected ? 1 : 0))
            payload.write(UInt32(entry.stored.count))
            payload.write(raw: entry.stored)
        }
        var header = ByteWriter(capacity: Self.headerLength)
        header.write(raw: Self.magic)
        header.write(UInt32(payload.bytes.count))
        header.write(self.epoch)
        header.write(self.firstSequence)
        header.write(UInt32(self.entries.count))
        let checksum = Self.checksum(header.bytes, payload.bytes)
        return header.bytes + checksum + payload.bytes
    }

    /// The payload length a record header announces, or nil when `header` is not one.
    static func payloadLength(header: [UInt8]) -> Int? {
        guard header.count == Self.headerLength, Array(header[0..<4]) == Self.magic else { return nil }
        return header.withUnsafeBytes { buffer in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[4..<8]))
            return (try? reader.read(UInt32.self)).map(Int.init)
        }
    }

    /// The record in `header` and `payload`, or nil when its checksum or shape is wrong.
    init?(header: [UInt8], payload: [UInt8]) {
        guard Self.payloadLength(header: header) == payload.count,
            Array(header[28..<44]) == Self.checksum(Array(header[0..<28]), payload)
        else { return nil }
        let fields: (UInt64, UInt64, UInt32)? = header.withUnsafeBytes { buffer in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[8..<28]))
            guard let epoch = try? reader.read(UInt64.self), let first = try? reader.read(UInt64.self),
                let count = try? reader.read(UInt32.self)
            else { return nil }
            return (epoch, first, count)
        }
        guard let (epoch, first, count) = fields, count > 0 else { return nil }
        let entries: [Entry]? = payload.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            var entries: [Entry] = []
            for _ in 0..<count {
                guard let flag = try? reader.read(UInt8.self), let length = try? reader.read(UInt32.self),
                    let stored = try? reader.readRaw(count: Int(length))
                else { return nil }
                entries.append(Entry(projected: flag == 1, stored: stored))
            }
            return reader.remaining == 0 ? entries : nil
        }
        guard let entries else { return nil }
        self.init(epoch: epoch, firstSequence: first, entries: entries)
    }

    init(epoch: UInt64, firstSequence: UInt64, entries: [Entry]) {
        self.epoch = epoch
        self.firstSequence = firstSequence
        self.entries = entries
    }

    private static func checksum(_ header: [UInt8], _ payload: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: header)
        hasher.update(data: payload)
        return Array(hasher.finalize().prefix(16))
    }
}
