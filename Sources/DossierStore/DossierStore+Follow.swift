import DossierCore

extension DossierStore {
    /// Waits until the log holds an event past `sequence`: true then, false after `timeout`
    /// (or on cancellation) without one. For followers of the log, which send what is there,
    /// then sleep here instead of polling.
    public func waitForEvents(after sequence: UInt64, timeout: Duration) async -> Bool {
        await self.headWatch.wait(beyond: sequence, timeout: timeout)
    }
}
