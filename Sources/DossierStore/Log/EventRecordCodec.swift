import DossierCore
import Foundation

/// The stored form of an event in the `events` database.
///
/// Value layout: `hash (32 bytes) || record`, where `record` is the canonical byte form below
/// and `hash = SHA256(previous hash || record)`. The record is what gets hashed, exactly as
/// stored, so verification never depends on re-encoding anything.
///
/// Record (all integers big-endian):
/// `format u8 | sequence u64 | id 16 | version u64 | schema u16 | occurred i64 ms |
///  recorded i64 ms | actor uid u32 | stream str16 | type str16 | actor user str16 |
///  correlation opt-uuid | causation opt-uuid | [salt 16] | payload u32-length bytes`
///
/// Format 1 has no salt; format 2 (written only for confidential payloads) has 16 random bytes
/// before the payload. The hash covers the salt, so a reader who sees every field of the
/// envelope and the hash, but neither payload nor salt, cannot test guesses of the payload
/// against the hash (a flag's payload has little entropy: a viewer brute-forced one in 0.5 s
/// when it was hashed bare).
enum EventRecordCodec {
    static let unsaltedFormat: UInt8 = 1
    static let saltedFormat: UInt8 = 2
    static let hashLength = 32
    static let saltLength = 16

    /// Fresh random salt for a confidential payload.
    static func makeSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<Self.saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The canonical record bytes of an event that is about to be appended.
    static func encodeRecord(
        sequence: UInt64, id: UUID, stream: StreamID, version: UInt64, type: String, schemaVersion: UInt16,
        occurredAt: Timestamp, recordedAt: Timestamp, actor: Actor, correlationID: UUID?, causationID: UUID?,
        payload: [UInt8], salt: [UInt8]? = nil
    ) -> [UInt8] {
        precondition(salt == nil || salt?.count == Self.saltLength, "a salt is \(Self.saltLength) bytes")
        var writer = ByteWriter(capacity: 144 + payload.count + stream.rawValue.utf8.count)
        writer.write(salt == nil ? Self.unsaltedFormat : Self.saltedFormat)
        writer.write(sequence)
        writer.write(id)
        writer.write(version)
        writer.write(schemaVersion)
        writer.write(occurredAt.rawValue)
        writer.write(recordedAt.rawValue)
        writer.write(actor.uid)
        writer.write(shortString: stream.rawValue)
        writer.write(shortString: type)
        writer.write(shortString: actor.user)
        writer.write(optional: correlationID)
        writer.write(optional: causationID)
        if let salt { writer.write(raw: salt) }
        writer.write(blob: payload)
        return writer.bytes
    }

    /// Decodes a stored value (hash and record).
    static func decode(storedValue value: UnsafeRawBufferPointer) throws(StoreError) -> RecordedEvent {
        guard value.count > Self.hashLength else { throw .corrupted("event value of \(value.count) bytes") }
        let hash = Array(value[0..<Self.hashLength])
        let record = UnsafeRawBufferPointer(rebasing: value[Self.hashLength...])
        do {
            var reader = ByteReader(record)
            let format = try reader.read(UInt8.self)
            guard format == Self.unsaltedFormat || format == Self.saltedFormat else {
                throw StoreError.corrupted("event record format \(format) is unknown")
            }
            let sequence = try reader.read(UInt64.self)
            let id = try reader.readUUID()
            let version = try reader.read(UInt64.self)
            let schema = try reader.read(UInt16.self)
            let occurred = try reader.read(Int64.self)
            let recorded = try reader.read(Int64.self)
            let uid = try reader.read(UInt32.self)
            let stream = try reader.readShortString()
            let type = try reader.readShortString()
            let user = try reader.readShortString()
            let correlation = try reader.readOptionalUUID()
            let causation = try reader.readOptionalUUID()
            let salt = format == Self.saltedFormat ? try reader.readRaw(count: Self.saltLength) : nil
            let payload = try reader.readBlob()
            guard reader.remaining == 0 else { throw StoreError.corrupted("event \(sequence) has trailing bytes") }
            return RecordedEvent(
                sequence: sequence, id: id, stream: StreamID(rawValue: stream), version: version, type: type,
                schemaVersion: schema, occurredAt: Timestamp(rawValue: occurred),
                recordedAt: Timestamp(rawValue: recorded), actor: Actor(uid: uid, user: user),
                correlationID: correlation, causationID: causation, payload: payload, salt: salt, hash: hash
            )
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupted("event record is truncated or malformed")
        }
    }
}
