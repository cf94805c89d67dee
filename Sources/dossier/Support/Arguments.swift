import ArgumentParser
import DossierCore
import Foundation

// Domain values typed on the command line; the enums list their values in --help.

extension CustomerKind: ExpressibleByArgument {}
extension PoolStage: ExpressibleByArgument {}
extension CustomerTier: ExpressibleByArgument {}
extension ComplaintType: ExpressibleByArgument {}
extension ComplaintChannel: ExpressibleByArgument {}
extension ComplaintLevel: ExpressibleByArgument {}
extension FlagKind: ExpressibleByArgument {}
extension FlagResponse: ExpressibleByArgument {}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension Timestamp: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso8601: argument)
    }
}

extension UUID: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        self.init(uuidString: argument)
    }
}
