import DossierCore
import DossierProtocol
import Foundation

extension DossierMethods {
    static func registerSystem(on router: inout RequestRouter, serverVersion: String) {
        router.query(Method.hello, .quick) { (_: NoParams, context) in
            HelloResult(
                server: "dossierd", version: serverVersion, protocolVersion: Method.protocolVersion,
                serverUid: geteuid(), uid: context.peer.uid, user: context.user, role: context.role)
        }
        router.query(Method.methods, .quick) { (_: NoParams, _) in MethodsResult(methods: Method.all) }
    }
}
