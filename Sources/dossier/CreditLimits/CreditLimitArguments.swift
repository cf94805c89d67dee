import ArgumentParser
import DossierCore

// The limit room's values typed on the command line.

extension CreditKind: ExpressibleByArgument {}
extension CreditMode: ExpressibleByArgument {}

/// Whose limits: `--customer ID` or `--group ID`, one of the two.
struct SubjectOptions: ParsableArguments {
    @Option(help: "The customer whose limits.") var customer: String?
    @Option(help: "The group whose own limit.") var group: String?

    func validate() throws {
        guard (self.customer == nil) != (self.group == nil) else {
            throw ValidationError("give either --customer or --group")
        }
    }
}
