import ArgumentParser
import DossierCore

// The complaint room's closed sets typed on the command line; --help lists their values.

extension ComplaintType: ExpressibleByArgument {}
extension ComplaintChannel: ExpressibleByArgument {}
extension ComplaintLevel: ExpressibleByArgument {}
