import ArgumentParser
import DossierCore

// The group room's values typed on the command line.

extension GroupRelation: ExpressibleByArgument {}
extension ExclusionReason: ExpressibleByArgument {}
extension ExposureKind: ExpressibleByArgument {}
