import ArgumentParser
import DossierCore

// The customer room's closed sets typed on the command line; --help lists their values.

extension CustomerKind: ExpressibleByArgument {}
extension PoolStage: ExpressibleByArgument {}
extension CustomerTier: ExpressibleByArgument {}
extension FlagKind: ExpressibleByArgument {}
extension FlagResponse: ExpressibleByArgument {}
extension FlagOutcome: ExpressibleByArgument {}
extension StageChangeReason: ExpressibleByArgument {}
