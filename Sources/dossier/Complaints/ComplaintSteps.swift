import DossierClient
import DossierProtocol

/// Runs one handling step: sends its method with the step's params (with a request id, resent
/// when the outcome is unknown) and prints the complaint after it.
enum ComplaintSteps {
    static func run<Params: ComplaintStepParams>(
        _ method: Method, _ params: Params, expectedVersion: UInt64?, options: GlobalOptions, write: WriteOptions
    ) throws {
        let attempts = write.attempts()
        var params = params
        params.requestId = attempts.requestID
        params.expectedVersion = expectedVersion.map { .exact($0) }
        try ClientRunner(options: options).run(attempts) { [params] connection in
            try connection.call(method, params, as: ComplaintResult.self)
        } render: { Rendering.complaint($0) }
    }
}
