import ArgumentParser
import DossierClient
import DossierProtocol

/// What every handling step's command takes: the complaint's number, the stream version the
/// step was decided on, the write's retry options and the global options; and how a step runs.
struct ComplaintStepTarget: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Complaint number.") var number: String
    @OptionGroup var expectedVersion: ExpectedVersionOption
    @OptionGroup var write: WriteOptions

    /// Sends `method` with `params` (with a request id, resent when the outcome is unknown) and
    /// prints the complaint after the step.
    func run<Params: ComplaintStepParams>(_ method: Method, _ params: Params) throws {
        let attempts = self.write.attempts()
        var params = params
        params.requestId = attempts.requestID
        params.expectedVersion = self.expectedVersion.expected
        try ClientRunner(options: self.options).run(attempts) { [params] connection in
            try connection.call(method, params, as: ComplaintResult.self)
        } render: {
            Rendering.complaint($0)
        }
    }
}
