/// The state of one stream, folded from its events: the same fold builds a projection row as
/// events are appended, rebuilds it in a replay, and answers as-of questions from history.
public protocol StreamState: Hashable, Sendable {
    /// Folds one event of the stream into the state; events of other domains leave it as it
    /// is. nil before the stream's first event.
    static func apply(_ state: Self?, _ event: DomainEvent, at metadata: EventMetadata) -> Self?
}
