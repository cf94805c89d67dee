import Crypto
import DossierMerkle
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Signs the tree heads the daemon publishes with its Ed25519 key (`audit.signing_key_file`),
/// so that whoever can write the log's files still cannot forge a head an auditor's saved
/// public key accepts.
public struct TreeHeadSigner: Sendable {
    let key: Curve25519.Signing.PrivateKey?

    /// No key: heads go out unsigned.
    public static let none = TreeHeadSigner(key: nil)

    /// The key in `file`, which must hold 64 hex digits and be readable by the daemon's user
    /// only (a key others can read signs for them too).
    /// - Throws: `ConfigurationError` naming `audit.signing_key_file`.
    public static func load(from file: String) throws -> TreeHeadSigner {
        guard !file.isEmpty else { return .none }
        var status = stat()
        guard stat(file, &status) == 0 else {
            throw ConfigurationError(key: "audit.signing_key_file", message: "cannot read \(file): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0, status.st_uid == geteuid() else {
            throw ConfigurationError(
                key: "audit.signing_key_file",
                message: "\(file) must belong to the daemon's user and be readable by it alone (chmod 0600)")
        }
        do {
            return TreeHeadSigner(key: try SignedTreeHead.loadKey(from: file))
        } catch {
            throw ConfigurationError(key: "audit.signing_key_file", message: "\(error)")
        }
    }

    /// The public half, as hex; nil without a key.
    public var publicKey: String? { self.key.map { Hex.encode($0.publicKey.rawRepresentation) } }

    /// The signature of the head (size, root) at `timestamp`; nil without a key.
    func sign(size: UInt64, root: [UInt8], timestamp: Int64) throws -> String? {
        guard let key = self.key else { return nil }
        return Hex.encode(try SignedTreeHead.sign(size: size, root: root, timestamp: timestamp, key: key))
    }
}
