import PostgresNIO

/// What PostgreSQL said, for an operator: the server's SQLSTATE and message (which name a table
/// or a constraint, never a row's values), or the kind of failure. postgres-nio's own
/// descriptions are redacted and its debug descriptions carry the query's values, which may be
/// confidential payloads: neither is printed.
struct PostgresMessage: CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        switch error {
        case let error as PSQLError:
            if let info = error.serverInfo, let message = info[.message] {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                self.description = message + state
            } else {
                self.description = "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
            }
        case let error as PostgresTransactionError:
            let cause = error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError
            self.description = cause.map { PostgresMessage($0).description } ?? "the transaction failed"
        default:
            self.description = "\(error)"
        }
    }
}

extension SinkError {
    /// `error` as the sink reports it: its own errors as they are (also from inside a
    /// transaction), PostgreSQL's as `.postgres`.
    static func wrapping(_ error: any Error) -> any Error {
        switch error {
        case let error as PostgresTransactionError:
            if let cause = error.closureError { return Self.wrapping(cause) }
            return SinkError.postgres(PostgresMessage(error).description)
        case is PSQLError:
            return SinkError.postgres(PostgresMessage(error).description)
        default:
            return error
        }
    }
}
