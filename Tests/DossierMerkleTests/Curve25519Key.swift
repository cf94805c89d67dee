import Crypto

/// A fresh Ed25519 key pair for tests.
struct Curve25519Key {
    let privateKey: Curve25519.Signing.PrivateKey
    var publicKey: [UInt8] { Array(self.privateKey.publicKey.rawRepresentation) }

    static func make() -> Curve25519Key { Curve25519Key(privateKey: Curve25519.Signing.PrivateKey()) }
}
