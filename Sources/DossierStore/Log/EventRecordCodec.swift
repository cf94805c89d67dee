import DossierCore
import Foundation

/// The stored form of an event in the `events` database.
///
/// Value layout: `hash (32 bytes) || record`, where `record` is the canonical byte form below
/// and `hash = SHA256(previous hash || record)`. The record is what gets hashed, exactly as
/// stored, so verification never depends on re-encoding anything.
///
/// Record (all integers big-endian):
/// `format u8 = 1 | sequence u64 | id 16 | version u64 | schema u16 | occurred i64 ms |
///  recorded i64 ms | actor uid u32 | stream str16 | type str16 | actor user str16 |
///  correlation opt-uuid | causation opt-uuid | payload u32-length bytes`
enum EventRecordCodec {
    static let recordFormat: UInt8 = 1
    static let hashLength = 32

    /// The canonical record bytes of an event that is about to be appended.
    static func encodeRecord(
        sequence: UInt64, id: UUID, stream: StreamID, version: UInt64, type: String, schemaVersion: UInt16,
        occurredAt: Timestamp, recordedAt: Timestamp, actor: Actor, correlationID: UUID?, causationID: UUID?,
        payload: [UInt8]
    ) -> [UInt8] {
        var writer = ByteWriter(capacity: 128 + payload.count + stream.rawValue.utf8.count)
        writer.write(Self.recordFormat)
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
            guard format == Self.recordFormat else {
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
            let payload = try reader.readBlob()
            guard reader.remaining == 0 else { throw StoreError.corrupted("event \(sequence) has trailing bytes") }
            return RecordedEvent(
                sequence: sequence, id: id, stream: StreamID(rawValue: stream), version: version, type: type,
                schemaVersion: schema, occurredAt: Timestamp(rawValue: occurred),
                recordedAt: Timestamp(rawValue: recorded), actor: Actor(uid: uid, user: user),
                correlationID: correlation, causationID: causation, payload: payload, hash: hash
            )
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupted("event record is truncated or malformed")
        }
    }
}
