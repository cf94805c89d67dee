import Crypto
import Foundation

/// The request id of an imported record: a name-based UUID (RFC 9562 version 5) of its source
/// and key, so the same record always gets the same id and the log's request-id index finds a
/// record imported before, whichever run, connection or batch brought it.
public enum ImportRecordID {
    /// Dossier's namespace for import names (a fixed, random UUID).
    static let namespace = UUID(uuidString: "6f1c2a8e-5d3b-4c47-9a0e-2b7d8c4f1e93")!

    public static func requestID(source: String, key: String) -> UUID {
        // Source and key are joined by a byte neither may hold, so ("a:b", "c") and ("a", "b:c") differ.
        var name = Array(withUnsafeBytes(of: Self.namespace.uuid) { Array($0) })
        name += Array(source.utf8) + [0] + Array(key.utf8)
        var bytes = Array(Insecure.SHA1.hash(data: name).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
