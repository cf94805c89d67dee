import DossierProtocol
import DossierStore

extension RequestRouter {
    /// The router dossierd serves, with every method of the protocol, over `store`: for tools
    /// that drive the request path without a socket, such as the `fuzz-request` libFuzzer target.
    public static func dossier(store: DossierStore, serverVersion: String = DossierVersion.current) -> RequestRouter {
        DossierMethods.router(store: store, serverVersion: serverVersion)
    }
}

extension RequestRouter {
    /// What the fast header scanner reads from `line`; nil when it leaves the line to the full
    /// decoder. For the `fuzz-request` target, which checks it against the decoder.
    public static func scannedHeader(_ line: [UInt8]) -> RequestHeader? {
        line.withUnsafeBytes(RequestHeaderScanner.scan)
    }
}
