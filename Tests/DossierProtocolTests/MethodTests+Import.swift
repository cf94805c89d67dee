import DossierCore
import DossierProtocol
import Foundation

extension MethodTests {
    /// The import room's methods with the keys of their params types.
    static let importParameterTable: [(Method, Set<String>, Set<String>)] = [
        (
            .importRows, keys(ImportRowsParams(source: "cfpb", rows: [])),
            keys(ImportRowsParams(source: "cfpb", rows: []))
        )
    ]
}
