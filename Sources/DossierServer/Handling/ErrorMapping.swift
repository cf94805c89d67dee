import DossierCore
import DossierProtocol
import DossierStore
import Foundation
import Logging

/// Turns any error a handler throws into the wire error the client sees.
///
/// Domain and store errors map to stable codes with a plain message and `details`; anything
/// unexpected becomes `dossier.Internal` with an incident id that is also logged, so the client
/// learns nothing internal and the operator can still find the cause.
enum ErrorMapping {
    static func wireError(for error: any Error, logger: Logger) -> WireError {
        switch error {
        case let error as WireError:
            return error
        case let error as DomainError:
            return Self.wireError(for: error)
        case let error as StoreError:
            return Self.wireError(for: error, logger: logger)
        case let error as DecodingError:
            return WireError(code: .badRequest, message: Self.describe(error))
        default:
            return Self.internalError(error, logger: logger)
        }
    }

    static func wireError(for error: DomainError) -> WireError {
        let details = error.details.mapValues { JSONValue.string($0) }
        switch error {
        case .invalidField:
            return WireError(code: .badRequest, message: error.description, details: details)
        case _ where error.isNotFound:
            return WireError(code: .notFound, message: error.description, details: details)
        default:
            return WireError(code: .ruleViolation, message: error.description, details: details)
        }
    }

    static func wireError(for error: StoreError, logger: Logger) -> WireError {
        switch error {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            return WireError(
                code: .wrongExpectedVersion, message: error.description,
                details: [
                    "stream": .string(stream.rawValue), "expected": .string(expected.description),
                    "actual": .number(Double(actual)),
                ])
        case .storageFull(let maximum):
            Self.storageFullLog { suppressed in
                logger.critical("log is full", metadata: Self.metadata(error, suppressed: suppressed))
            }
            return WireError(
                code: .storageFull,
                message: "the log reached its maximum size (store.max_map_size); the operator must raise it",
                details: ["reason": .string("map"), "maximumBytes": .number(Double(maximum))])
        case .diskFull:
            Self.storageFullLog { suppressed in
                logger.critical("disk full", metadata: Self.metadata(error, suppressed: suppressed))
            }
            return WireError(
                code: .storageFull,
                message: "the disk holding the log is full; nothing was written; the operator must free space",
                details: ["reason": .string("disk")])
        case .shuttingDown:
            return WireError(code: .unavailable, message: error.description)
        default:
            return Self.internalError(error, logger: logger)
        }
    }

    /// A full log or disk refuses every write until an operator acts: a line per refusal would
    /// bury the journal (733 in one test), so a burst gets through and the rest are counted.
    static let storageFullLog = LogRateLimiter(burst: 5, interval: .seconds(10))

    private static func metadata(_ error: any Error, suppressed: Int) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["error": "\(error)"]
        if suppressed > 0 { metadata["log.suppressed"] = "\(suppressed)" }
        return metadata
    }

    private static func internalError(_ error: any Error, logger: Logger) -> WireError {
        let incident = UUID().uuidString.lowercased()
        logger.error("internal error", metadata: ["incident": "\(incident)", "error": "\(error)"])
        return WireError(
            code: .internal, message: "the daemon failed to handle the request; quote the incident id to the operator",
            details: ["incident": .string(incident)])
    }

    /// A readable sentence for a parameter that did not decode, naming the field.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, appending key: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (key.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? key.stringValue
            }
            return keys.isEmpty ? "the request" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context, appending: key)) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context)) must be \(Self.typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context)) must be \(Self.typeName(type)), not null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the line is not valid JSON" }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "the request is malformed"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type, is UInt32.Type, is UInt16.Type: return "an integer"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "an array" }
            return "a valid \(name)"
        }
    }
}
