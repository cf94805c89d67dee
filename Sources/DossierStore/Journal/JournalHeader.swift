import Crypto
import LMDB

/// What the journal says about `data.mdb`: the checkpoint that is durable in it, and where the
/// events after it are.
///
/// Written in one of two slots at the start of the file, alternating, each with its own
/// checksum, so that a header torn by a power cut leaves the previous one readable; the valid
/// slot with the higher generation is the header.
struct JournalHeader: Equatable {
    /// The bytes each slot occupies (records begin after both).
    static let slotSize = 4096
    static let magic = Array("DSRJRNL1".utf8)
    static let checksumLength = 16

    /// Counts header writes; the newer valid slot wins.
    var generation: UInt64
    /// The log this journal belongs to (`log_id` in `meta`); all zero until the store bound it.
    var logID: [UInt8]
    /// LMDB's page size: where meta slot 1 begins.
    var pageSize: Int
    /// The size of each of the two record segments.
    var segmentBytes: Int
    /// The snapshot durable in `data.mdb`, and the log's head in it.
    var checkpoint: Checkpoint
    /// The segment, and its epoch, where the events after the checkpoint begin.
    var segment: Int
    var epoch: UInt64

    struct Checkpoint: Equatable {
        var meta: MetaPages.Image
        var head: LogHead
        var transactionID: UInt64 { self.meta.transactionID }
    }

    static let unboundLogID = [UInt8](repeating: 0, count: 16)

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 320)
        writer.write(raw: Self.magic)
        writer.write(self.generation)
        writer.write(raw: self.logID)
        writer.write(UInt32(self.pageSize))
        writer.write(UInt64(self.segmentBytes))
        writer.write(raw: self.checkpoint.meta.bytes)
        writer.write(self.checkpoint.head.sequence)
        writer.write(raw: self.checkpoint.head.hash)
        writer.write(UInt8(self.segment))
        writer.write(self.epoch)
        let body = writer.bytes
        return body + Self.checksum(body)
    }

    /// The header in `slot`, or nil when the slot is torn, empty or not a journal header.
    init?(slot bytes: [UInt8]) {
        let bodyLength = 8 + 8 + 16 + 4 + 8 + MetaPages.Image.length + 8 + 32 + 1 + 8
        guard bytes.count >= bodyLength + Self.checksumLength,
            Array(bytes[0..<8]) == Self.magic,
            Array(bytes[bodyLength..<(bodyLength + Self.checksumLength)]) == Self.checksum(Array(bytes[0..<bodyLength]))
        else { return nil }
        let decoded: JournalHeader? = bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: buffer[8..<bodyLength]))
            guard let generation = try? reader.read(UInt64.self),
                let logID = try? reader.readRaw(count: 16),
                let pageSize = try? reader.read(UInt32.self),
                let segmentBytes = try? reader.read(UInt64.self),
                let metaBytes = try? reader.readRaw(count: MetaPages.Image.length),
                let meta = MetaPages.Image(bytes: metaBytes),
                let sequence = try? reader.read(UInt64.self),
                let hash = try? reader.readRaw(count: 32),
                let segment = try? reader.read(UInt8.self),
                let epoch = try? reader.read(UInt64.self),
                segment < 2, pageSize >= 512, segmentBytes > 0
            else { return nil }
            return JournalHeader(
                generation: generation, logID: logID, pageSize: Int(pageSize), segmentBytes: Int(segmentBytes),
                checkpoint: Checkpoint(meta: meta, head: LogHead(sequence: sequence, hash: hash)),
                segment: Int(segment), epoch: epoch)
        }
        guard let decoded else { return nil }
        self = decoded
    }

    init(
        generation: UInt64, logID: [UInt8], pageSize: Int, segmentBytes: Int, checkpoint: Checkpoint, segment: Int,
        epoch: UInt64
    ) {
        self.generation = generation
        self.logID = logID
        self.pageSize = pageSize
        self.segmentBytes = segmentBytes
        self.checkpoint = checkpoint
        self.segment = segment
        self.epoch = epoch
    }

    /// The newest valid header of `file`, or nil when neither slot holds one.
    static func read(from file: JournalFile) throws -> JournalHeader? {
        let slots = try (0..<2).map { try file.read(at: $0 * Self.slotSize, count: Self.slotSize) }
        return slots.compactMap { JournalHeader(slot: $0) }.max { $0.generation < $1.generation }
    }

    /// Writes this header into its generation's slot and flushes it.
    func write(to file: JournalFile) throws {
        try file.write(self.encoded(), at: Int(self.generation % 2) * Self.slotSize)
        try file.sync()
    }

    static func checksum(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes).prefix(Self.checksumLength))
    }
}
