/// Why a file cannot be imported at all (a bad row is a reject, never one of these).
public enum ImportFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case unknownEncoding(String)
    /// No record within the first `searched` looks like the format's header.
    case headerNotFound(format: String, searched: Int, expected: String)
    case badMapping(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot read \(path): \(reason)"
        case .unknownEncoding(let name):
            return "the encoding \(name) is unknown to iconv; `iconv -l` lists the names (e.g. GB18030, GBK, LATIN1)"
        case .headerNotFound(let format, let searched, let expected):
            return "no \(format) header in the first \(searched) lines; expected columns such as \(expected)"
        case .badMapping(let path, let reason): return "mapping \(path): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
