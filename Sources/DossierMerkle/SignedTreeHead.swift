import Crypto
import Foundation

/// A tree head (size and root) signed with the daemon's Ed25519 key, so that a head copied
/// out of the log's files cannot be forged by whoever can write them: without the private
/// key, a rewritten log gets no signature that the auditor's saved public key accepts.
public enum SignedTreeHead {
    /// What is signed: a fixed label, the size, the root and the time, one per line.
    public static func message(size: UInt64, root: [UInt8], timestamp: Int64) -> [UInt8] {
        Array("dossier-tree-head/1\n\(size)\n\(Hex.encode(root))\n\(timestamp)\n".utf8)
    }

    public static func sign(size: UInt64, root: [UInt8], timestamp: Int64, key: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        Array(try key.signature(for: Self.message(size: size, root: root, timestamp: timestamp)))
    }

    public static func isValid(
        signature: [UInt8], size: UInt64, root: [UInt8], timestamp: Int64, publicKey: [UInt8]
    ) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Self.message(size: size, root: root, timestamp: timestamp))
    }

    /// The private key in `file`: 64 hex digits (the raw 32 bytes), and nothing else but white space.
    public static func loadKey(from file: String) throws -> Curve25519.Signing.PrivateKey {
        let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Hex.decode(text), bytes.count == 32 else { throw KeyFileError(file: file) }
        return try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
    }

    /// A key file that does not hold an Ed25519 private key.
    public struct KeyFileError: Error, CustomStringConvertible {
        public let file: String
        public var description: String { "\(self.file) does not hold an Ed25519 private key as 64 hex digits" }
    }
}

/// Lowercase hex, as hashes, keys and signatures travel on the wire.
public enum Hex {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`, or nil when it is not an even number of hex digits.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = Self.value(utf8[index]), let low = Self.value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
