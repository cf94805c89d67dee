import DossierProtocol
import DossierStore

extension RequestRouter {
    /// The router dossierd serves, with every method of the protocol, over `store`: for tools
    /// that drive the request path without a socket, such as the `fuzz-request` libFuzzer target.
    public static func dossier(store: DossierStore, serverVersion: String = DossierVersion.current) -> RequestRouter {
        DossierMethods.router(store: store, serverVersion: serverVersion)
    }
}
