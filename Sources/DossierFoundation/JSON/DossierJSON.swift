import Foundation

/// The one JSON configuration used for payloads, projections and the wire.
///
/// Keys are sorted so that the same value always encodes to the same bytes within a build:
/// projection rebuilds compare byte for byte. The log hashes the bytes it stored, never a
/// re-encoding, so a future encoder change cannot break the chain.
public enum DossierJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// The value's JSON: written by the value itself when it is `JSONWritable` (the hot
    /// path, same bytes), else by `encoder()`.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            writable.write(to: &writer)
            return writer.bytes
        }
        return Array(try Self.encoder().encode(value))
    }

    /// The value read from `bytes`: by the type itself when it is `JSONReadable` and the bytes
    /// are simple enough (the hot path), else by `decoder()`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        if let readable = T.self as? any JSONReadable.Type,
            let value = bytes.withContiguousStorageIfAvailable({ Self.read(readable, UnsafeRawBufferPointer($0)) }) as? T
        {
            return value
        }
        return try Self.decoder().decode(type, from: Data(bytes))
    }

    /// `type` read from `bytes` without the decoder; nil when the fast path cannot read them,
    /// or when a key is not one of `allowedKeys` (when given).
    public static func read(
        _ type: any JSONReadable.Type, _ bytes: UnsafeRawBufferPointer, allowedKeys: Set<String>? = nil
    ) -> (any JSONReadable)? {
        guard let members = JSONMembers(bytes), allowedKeys.map(members.hasOnly) ?? true else { return nil }
        return type.init(json: members)
    }
}
