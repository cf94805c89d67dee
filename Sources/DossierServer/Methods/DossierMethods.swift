import DossierCore
import DossierProtocol
import DossierStore

/// The handlers behind each method, registered on a router: one line per room.
enum DossierMethods {
    static func router(
        store: DossierStore, serverVersion: String, monitor: ServerMonitor = ServerMonitor(), signer: TreeHeadSigner = .none,
        importMaximumRows: Int = ServerConfiguration(socketPath: "").importMaximumRows
    ) -> RequestRouter {
        var router = RequestRouter()
        Self.registerOperations(on: &router, store: store, monitor: monitor, serverVersion: serverVersion)
        Self.registerSystem(on: &router, serverVersion: serverVersion)
        Self.registerCustomers(on: &router, store: store)
        Self.registerComplaints(on: &router, store: store)
        Self.registerRatings(on: &router, store: store)
        Self.registerCreditLimits(on: &router, store: store)
        Self.registerGroups(on: &router, store: store)
        Self.registerImports(on: &router, store: store, maximumRows: importMaximumRows)
        Self.registerLog(on: &router, store: store, signer: signer)
        return router
    }
}
