import ArgumentParser
import DossierCore

// The complaint room's closed sets and amounts typed on the command line; --help lists their values.

extension ComplaintType: ExpressibleByArgument {}
extension ComplaintChannel: ExpressibleByArgument {}
extension ComplaintLevel: ExpressibleByArgument {}
extension ComplaintStatus: ExpressibleByArgument {}
extension ComplaintScope: ExpressibleByArgument {}
extension Satisfaction: ExpressibleByArgument {}
extension InvalidComplaintRule: ExpressibleByArgument {}
extension EightDStep: ExpressibleByArgument {}
extension Responsibility: ExpressibleByArgument {}
extension CompensationKind: ExpressibleByArgument {}

extension DecimalAmount: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `dossier complaint decide-extension NUMBER grant|refuse`.
enum ExtensionDecision: String, ExpressibleByArgument, CaseIterable {
    case grant, refuse
}

/// `dossier complaint decide-compensation NUMBER approve|refuse`.
enum CompensationDecision: String, ExpressibleByArgument, CaseIterable {
    case approve, refuse
}
