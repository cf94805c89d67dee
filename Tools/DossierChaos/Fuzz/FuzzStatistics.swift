import Foundation

/// What the fuzzer sent and got back, merged over connections.
struct FuzzStatistics: Sendable {
    var sentByKind: [FuzzLine.Kind: Int] = [:]
    var replies = 0
    var results = 0
    var errorsByCode: [String: Int] = [:]
    /// Event ids from the receipts of every successful write, valid or not.
    var acknowledged: Set<UUID> = []
    var validWrites = 0
    /// Lines answered against expectation, and other failed checks; only the first few are kept.
    var failureCount = 0
    var failures: [String] = []
    /// Connections of the burst the daemon closed or refused (a connection limit may do so).
    var burstRefused = 0
    var burstAnswered = 0

    var linesSent: Int { self.sentByKind.values.reduce(0, +) }

    mutating func fail(_ message: String) {
        self.failureCount += 1
        if self.failures.count < 25 { self.failures.append(message) }
    }

    mutating func merge(_ other: FuzzStatistics) {
        self.sentByKind.merge(other.sentByKind, uniquingKeysWith: +)
        self.replies += other.replies
        self.results += other.results
        self.errorsByCode.merge(other.errorsByCode, uniquingKeysWith: +)
        self.acknowledged.formUnion(other.acknowledged)
        self.validWrites += other.validWrites
        self.failureCount += other.failureCount
        self.failures += other.failures.prefix(max(0, 25 - self.failures.count))
        self.burstRefused += other.burstRefused
        self.burstAnswered += other.burstAnswered
    }

    /// Checks one reply line against what `line` expected, and collects its receipt.
    mutating func check(reply: [UInt8], to line: FuzzLine) {
        self.replies += 1
        guard let object = (try? JSONSerialization.jsonObject(with: Data(reply))) as? [String: Any] else {
            self.fail("\(line.kind.rawValue): the reply is not a JSON object: \(Self.excerpt(reply)) (line \(Self.excerpt(line.bytes)))")
            return
        }
        let result = object["result"] as? [String: Any]
        let error = object["error"] as? [String: Any]
        guard (result != nil) != (error != nil), object["result"] == nil || result != nil else {
            self.fail("\(line.kind.rawValue): the reply has neither or both of result and error: \(Self.excerpt(reply))")
            return
        }
        if object.index(forKey: "id") == nil { self.fail("\(line.kind.rawValue): the reply has no id member: \(Self.excerpt(reply))") }
        var code: String?
        if let error {
            guard let errorCode = error["code"] as? String, let message = error["message"] as? String, !message.isEmpty else {
                self.fail("\(line.kind.rawValue): an error without code or message: \(Self.excerpt(reply))")
                return
            }
            code = errorCode
            self.errorsByCode[errorCode, default: 0] += 1
            if errorCode == "dossier.Internal" {
                self.fail("\(line.kind.rawValue): dossier.Internal for line \(Self.excerpt(line.bytes)): \(Self.excerpt(reply))")
            }
        } else {
            self.results += 1
            code = Self.everyRowRefused(result)
        }
        if let receipt = result?["receipt"] as? [String: Any], let text = receipt["eventId"] as? String, let id = UUID(uuidString: text) {
            self.acknowledged.insert(id)
        }
        if let echoed = line.echoedID, !Self.matches(object["id"], echoed) {
            self.fail("\(line.kind.rawValue): reply id \(String(describing: object["id"] ?? "absent")) does not echo \(echoed)")
        }
        switch line.expectation {
        case .result(let write):
            if let code {
                self.fail("valid line refused with \(code): \(Self.excerpt(line.bytes)) -> \(Self.excerpt(reply))")
            } else if write {
                self.validWrites += 1
                if result?["receipt"] == nil { self.fail("a valid write got no receipt: \(Self.excerpt(reply))") }
            }
        case .error:
            if code == nil { self.fail("\(line.kind.rawValue) line accepted: \(Self.excerpt(line.bytes)) -> \(Self.excerpt(reply))") }
        case .lineTooLong:
            if code != "dossier.LineTooLong" || !(object["id"] is NSNull) {
                self.fail("over-long line (\(line.bytes.count) bytes) answered \(Self.excerpt(reply))")
            }
        case .either, .none:
            break
        }
    }

    /// A batch method (`import.rows`) answers each row, and never fails the batch for one:
    /// when every row was refused, the first row's error code is the line's refusal.
    private static func everyRowRefused(_ result: [String: Any]?) -> String? {
        guard let rows = result?["rows"] as? [[String: Any]], !rows.isEmpty else { return nil }
        let codes = rows.map { ($0["error"] as? [String: Any])?["code"] as? String }
        guard codes.allSatisfy({ $0 != nil }) else { return nil }
        return codes[0]
    }

    private static func matches(_ value: Any?, _ echoed: FuzzLine.EchoedID) -> Bool {
        switch echoed {
        case .none: return value is NSNull
        case .string(let text): return (value as? String) == text
        case .number(let number):
            guard let value = value as? NSNumber else { return false }
            return value.int64Value == number
        }
    }

    /// The start of a line, printable, for failure messages.
    static func excerpt(_ bytes: [UInt8], limit: Int = 160) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self).unicodeScalars.map {
            $0.value < 0x20 || $0 == "\u{FFFD}" ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined()
        return bytes.count > limit ? "\(text)... (\(bytes.count) bytes)" : text
    }
}
