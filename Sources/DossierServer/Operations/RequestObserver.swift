import DossierProtocol

/// Hears how each request the router prepared ended, for status and metrics.
protocol RequestObserver: Sendable {
    /// - Parameters:
    ///   - method: the method name, `nil` when the line named no method the server has.
    ///   - code: the error code of the reply, `nil` for a result.
    ///   - duration: from reading the line to having the reply.
    func requestFinished(method: String?, code: ErrorCode?, duration: Duration)
}
