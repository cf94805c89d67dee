import ArgumentParser
import DossierCore
import Foundation

// Values of every room typed on the command line: times, dates, ids. Each room makes its own
// closed sets typable beside its commands.


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
