import DossierCore

/// The stored form of a customer's projection row: compact bytes rather than JSON.
///
/// The row is read and rewritten by the writer for every event on a customer stream (each
/// flag, and later each rating and limit decision), so its cost is paid on the hot path twice
/// per event: decoding and encoding it with Foundation's JSON coders was most of the writer's
/// time. Small rows also keep the table in fewer pages, so a batch of random customers
/// rewrites fewer of them.
///
/// Layout: `format u8 = 2 | id str16 | name str16 | kind str16 | stage str16 | tier str16 |
/// registeredAt i64 | version u64 | flagsRecorded u32 | open flags u32 count, each
/// (number u32 | kind str16 | observedOn i32 days) | lastFlaggedAt opt(i64)`. The count of
/// open flags is the list's length.
enum CustomerRowCodec {
    static let format: UInt8 = 2

    static func encode(_ state: CustomerState) -> [UInt8] {
        var writer = ByteWriter(capacity: 64 + state.name.utf8.count)
        writer.write(Self.format)
        writer.write(shortString: state.id.rawValue)
        writer.write(shortString: state.name)
        writer.write(shortString: state.kind.rawValue)
        writer.write(shortString: state.stage.rawValue)
        writer.write(shortString: state.tier.rawValue)
        writer.write(state.registeredAt.rawValue)
        writer.write(state.version)
        writer.write(UInt32(clamping: state.flagsRecorded))
        writer.write(UInt32(clamping: state.flags.count))
        for flag in state.flags {
            writer.write(UInt32(clamping: flag.number))
            writer.write(shortString: flag.kind.rawValue)
            writer.write(Int32(clamping: flag.observedOn.daysSince1970))
        }
        if let flagged = state.lastFlaggedAt {
            writer.write(UInt8(1))
            writer.write(flagged.rawValue)
        } else {
            writer.write(UInt8(0))
        }
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(StoreError) -> CustomerState {
        do {
            var reader = ByteReader(bytes)
            guard try reader.read(UInt8.self) == Self.format else { throw ByteReaderError.malformed }
            let id = CustomerID(rawValue: try reader.readShortString())
            let name = try reader.readShortString()
            guard let kind = CustomerKind(rawValue: try reader.readShortString()),
                let stage = PoolStage(rawValue: try reader.readShortString()),
                let tier = CustomerTier(rawValue: try reader.readShortString())
            else { throw ByteReaderError.malformed }
            var state = CustomerState(
                id: id, name: name, kind: kind, stage: stage, tier: tier,
                registeredAt: Timestamp(rawValue: try reader.read(Int64.self)), version: try reader.read(UInt64.self))
            state.flagsRecorded = Int(try reader.read(UInt32.self))
            let openCount = Int(try reader.read(UInt32.self))
            for _ in 0..<openCount {
                let number = Int(try reader.read(UInt32.self))
                guard let kind = FlagKind(rawValue: try reader.readShortString()) else { throw ByteReaderError.malformed }
                let observedOn = LocalDate(daysSince1970: Int(try reader.read(Int32.self)))
                state.flags.append(CustomerFlag(number: number, kind: kind, observedOn: observedOn))
            }
            state.openFlags = state.flags.count
            switch try reader.read(UInt8.self) {
            case 0: state.lastFlaggedAt = nil
            case 1: state.lastFlaggedAt = Timestamp(rawValue: try reader.read(Int64.self))
            default: throw ByteReaderError.malformed
            }
            guard reader.remaining == 0 else { throw ByteReaderError.malformed }
            return state
        } catch {
            throw .corrupted("a customer projection row does not decode")
        }
    }

    static func decode(_ bytes: [UInt8]) throws(StoreError) -> CustomerState {
        do {
            return try bytes.withUnsafeBytes { buffer in try Self.decode(buffer) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corrupted("a customer projection row does not decode")
        }
    }
}
