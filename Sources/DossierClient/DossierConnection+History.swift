import DossierCore
import DossierProtocol

extension DossierConnection {
    /// Every event of `stream` recorded at or before `asOf` (all when nil), oldest first, read
    /// a page at a time with `log.read`; `withheld` names the kinds left out for the caller.
    public func history(of stream: String, asOf: Timestamp? = nil) throws -> EventsResult {
        var all = EventsResult(events: [], next: nil)
        var withheld: Set<String> = []
        var from: UInt64? = 1
        while let start = from {
            let page = try self.call(
                Method.readLog, ReadLogParams(stream: stream, from: start, limit: 1000), as: EventsResult.self)
            withheld.formUnion(page.withheld ?? [])
            // A stream's events are in log-time order: the first later one ends the history.
            let kept = page.events.prefix { asOf == nil || $0.recordedAt <= asOf! }
            all.events += kept
            from = kept.count == page.events.count ? page.next : nil
        }
        all.withheld = withheld.isEmpty ? nil : withheld.sorted()
        return all
    }
}
