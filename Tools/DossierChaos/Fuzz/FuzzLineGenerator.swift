import DossierCore
import DossierProtocol
import Foundation

/// Makes the fuzzer's lines: valid requests (a known fraction, their ids and outcomes
/// checked), and every kind of broken input the protocol must refuse with a specific error.
///
/// One generator per connection: its customers are registered on that connection, whose
/// writes are appended in request order, so later valid lines may use them at once.
struct FuzzLineGenerator {
    /// The daemon's `server.max_line_bytes` (the default).
    static let maximumLineLength = 1 << 20

    var rng: SplitMix64
    private let validFraction: Double
    /// Customers registered by valid lines (and shared ones registered before the run).
    private(set) var customers: [String]
    /// Recent valid lines, the material of mutations.
    private var recentValid: [[UInt8]] = []
    /// What this connection recorded of the credit rooms, so that its credit lines stay valid.
    private var credit = ValidCreditRequests()
    private var nextID: Int64 = 1

    init(rng: SplitMix64, validFraction: Double, customers: [String]) {
        self.rng = rng
        self.validFraction = validFraction
        self.customers = customers
    }

    mutating func next() -> FuzzLine {
        if self.rng.chance(self.validFraction) { return self.valid() }
        let roll = Int.random(in: 0..<1000, using: &self.rng)
        switch roll {
        case ..<150: return self.mutated()
        case ..<260: return self.wrongType()
        case ..<340: return self.missingField()
        case ..<420: return self.unknownMethod()
        case ..<520: return self.randomBytes()
        case ..<590: return self.invalidUTF8()
        case ..<650: return self.deepNesting()
        case ..<730: return self.hugeNumber()
        case ..<790: return self.notAnObject()
        case ..<940: return self.oddJSON()
        case ..<992: return self.blank()
        case ..<994: return self.atTheLimit()
        default: return self.oversized()
        }
    }

    // MARK: - Valid requests

    /// A valid request: mostly writes (register, file, flag), some reads.
    mutating func valid() -> FuzzLine {
        let (id, echoed) = self.requestID()
        let roll = Int.random(in: 0..<100, using: &self.rng)
        var bytes: [UInt8]
        var write = true
        // A mutation of a credit write can be a valid request with another request id (another
        // proposal, another tier) that this connection's record of the credit rooms would miss:
        // those lines are no material for mutations.
        var mutable = true
        if roll < 20 || self.customers.isEmpty {
            let customer = "fz-" + String(self.rng.next() & 0xFFFF_FFFF_FFFF, radix: 16)
            let params = ValidRequests.register(id: customer, requestID: self.rng.uuid(), using: &self.rng)
            bytes = Self.encode(id, Method.registerCustomer, params)
            self.customers.append(customer)
            self.credit.registered(params)
        } else if roll < 32, let (method, params) = self.credit.write(using: &self.rng, requestID: self.rng.uuid()) {
            bytes = Self.encodeOpened(id, method, params)
            mutable = false
        } else if roll < 50 {
            let customer = self.customers.randomElement(using: &self.rng)!
            let params = ValidRequests.complaint(
                customer: customer, subject: "fuzz \(self.rng.next() % 100_000)", requestID: self.rng.uuid(), using: &self.rng)
            bytes = Self.encode(id, Method.fileComplaint, params)
        } else if roll < 60 {
            let customer = self.customers.randomElement(using: &self.rng)!
            bytes = Self.encode(id, Method.flagCustomer, ValidRequests.flag(customer: customer, requestID: self.rng.uuid(), using: &self.rng))
        } else {
            write = false
            let customer = self.customers.randomElement(using: &self.rng)!
            switch roll {
            case ..<68: bytes = Self.encode(id, Method.hello, NoParams())
            case ..<76: bytes = Self.encode(id, Method.showCustomer, CustomerIDParams(id: customer))
            case ..<82: bytes = Self.encode(id, Method.listCustomers, ListCustomersParams(limit: Int.random(in: 1...20, using: &self.rng)))
            case ..<85: bytes = Self.encode(id, Method.listComplaints, ListComplaintsParams(customer: customer, limit: 5))
            case ..<88: bytes = Self.encode(id, Method.listComplaints, ValidRequests.dueList(using: &self.rng))
            case ..<91: bytes = Self.encode(id, Method.head, NoParams())
            case ..<94:
                let (method, params) = self.credit.read(customer: customer, using: &self.rng)
                bytes = Self.encodeOpened(id, method, params)
            case ..<99:
                bytes = Self.encode(
                    id, Method.readLog,
                    ReadLogParams(from: UInt64.random(in: 1...5000, using: &self.rng), limit: Int.random(in: 1...10, using: &self.rng)))
            default: bytes = Self.encode(id, Method.methods, NoParams())
            }
        }
        if mutable { self.remember(bytes) }
        if self.rng.chance(0.05) { bytes.append(UInt8(ascii: "\r")) }  // CRLF line ends are valid too
        return FuzzLine(bytes: bytes, kind: .valid, expectation: .result(write: write), echoedID: echoed)
    }

    /// The start of a valid write, to send without its end and then hang up.
    mutating func halfLine() -> FuzzLine {
        let customer = self.customers.randomElement(using: &self.rng) ?? "nobody"
        let full = Self.encode(
            .number(0), Method.fileComplaint,
            ValidRequests.complaint(customer: customer, subject: "never finished", requestID: self.rng.uuid(), using: &self.rng))
        // Any proper prefix of a JSON object lacks its closing brace: it can never be a request.
        let cut = Int.random(in: 1..<full.count, using: &self.rng)
        return FuzzLine(bytes: Array(full[..<cut]), kind: .halfLine, expectation: .none, echoedID: nil)
    }

    // MARK: - Structured mistakes

    /// Every method's params with one parameter of a wrong type (or a required one null).
    mutating func wrongType() -> FuzzLine {
        let method = Method.all.filter { !$0.parameters.isEmpty }.randomElement(using: &self.rng)!
        var params = self.validParams(method)
        let parameter = method.parameters.randomElement(using: &self.rng)!
        params[parameter.name] = self.wrongValue(for: parameter)
        let (id, echoed) = self.requestID()
        return FuzzLine(
            bytes: Self.line(id: id, method: method.name, params: .object(params)), kind: .wrongType, expectation: .error,
            echoedID: echoed)
    }

    /// A required parameter left out, `method` left out, or params that are not an object.
    mutating func missingField() -> FuzzLine {
        let (id, echoed) = self.requestID()
        let methods = Method.all.filter { $0.parameters.contains(where: \.required) }
        let method = methods.randomElement(using: &self.rng)!
        var params = self.validParams(method)
        switch Int.random(in: 0..<4, using: &self.rng) {
        case 0:
            // No method: the id is still read and echoed.
            var object: [String: JSONValue] = ["params": .object(params)]
            if case .number(let number) = echoed { object["id"] = .number(Double(number)) }
            if case .string(let text) = echoed { object["id"] = .string(text) }
            return FuzzLine(bytes: Self.encodeJSON(.object(object)), kind: .missingField, expectation: .error, echoedID: echoed)
        case 1:
            // No params at all, for a method with required ones.
            return FuzzLine(
                bytes: Self.line(id: id, method: method.name, params: nil), kind: .missingField, expectation: .error,
                echoedID: echoed)
        case 2:
            let wrongParams: [JSONValue] = [.array([]), .string("x"), .number(1), .bool(true), .array([.object(params)])]
            return FuzzLine(
                bytes: Self.line(id: id, method: Method.all.randomElement(using: &self.rng)!.name, params: wrongParams.randomElement(using: &self.rng)!),
                kind: .missingField, expectation: .error, echoedID: echoed)
        default:
            let required = method.parameters.filter(\.required).randomElement(using: &self.rng)!
            params[required.name] = nil
            return FuzzLine(
                bytes: Self.line(id: id, method: method.name, params: .object(params)), kind: .missingField,
                expectation: .error, echoedID: echoed)
        }
    }

    mutating func unknownMethod() -> FuzzLine {
        let real = Method.all.randomElement(using: &self.rng)!.name
        let names = [
            real.uppercased(), real + " ", " " + real, real + "\u{0}", real.replacingOccurrences(of: ".", with: ".."),
            real + ".extra", "\u{0441}" + real.dropFirst(), String(real.reversed()), "", ".", "admin", "system.",
            self.randomASCII(length: Int.random(in: 1...40, using: &self.rng)),
            String(repeating: "a.", count: Int.random(in: 1...5000, using: &self.rng)),
        ]
        let (id, echoed) = self.requestID()
        let params: JSONValue? = self.rng.chance(0.5) ? nil : .object(self.validParams(Method.all.randomElement(using: &self.rng)!))
        return FuzzLine(
            bytes: Self.line(id: id, method: names.randomElement(using: &self.rng)!, params: params), kind: .unknownMethod,
            expectation: .error, echoedID: echoed)
    }

    // MARK: - Broken bytes

    mutating func randomBytes() -> FuzzLine {
        let length = Int.random(in: 1...400, using: &self.rng)
        var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &self.rng) }
        if self.rng.chance(0.3) { bytes.insert(UInt8(ascii: "{"), at: 0) }
        return self.unpredictable(Self.withoutNewlines(bytes), kind: .randomBytes, expectation: .error)
    }

    /// Invalid UTF-8 inside the strings of an otherwise valid request.
    mutating func invalidUTF8() -> FuzzLine {
        let sequences: [[UInt8]] = [
            [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xBF, 0xBF],
        ]
        var line = self.recentValid.randomElement(using: &self.rng) ?? Self.line(id: .number(1), method: "system.hello", params: nil)
        let quotes = line.indices.filter { line[$0] == UInt8(ascii: "\"") }
        let at = quotes.isEmpty ? 0 : quotes.randomElement(using: &self.rng)! + 1
        line.insert(contentsOf: sequences.randomElement(using: &self.rng)!, at: at)
        return self.unpredictable(line, kind: .invalidUTF8, expectation: .error)
    }

    mutating func deepNesting() -> FuzzLine {
        let depth = [10, 100, 600, 5000, 100_000].randomElement(using: &self.rng)!
        let bytes: [UInt8]
        switch Int.random(in: 0..<5, using: &self.rng) {
        case 0: bytes = Array(repeating: UInt8(ascii: "["), count: depth)
        case 1: bytes = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        case 2: bytes = Array(String(repeating: #"{"a":"#, count: depth).utf8) + Array("1".utf8) + Array(repeating: UInt8(ascii: "}"), count: depth)
        case 3:
            bytes = Array(#"{"id":1,"method":"customer.show","params":{"id":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
                + Array(repeating: UInt8(ascii: "]"), count: depth) + Array("}}".utf8)
        default:
            bytes = Array(#"{"id":"#.utf8) + Array(repeating: UInt8(ascii: "{"), count: depth) + Array(#","method":"system.hello"}"#.utf8)
        }
        return self.unpredictable(bytes, kind: .deepNesting, expectation: .error)
    }

    mutating func hugeNumber() -> FuzzLine {
        let huge = [
            "1e999", "-1e999", "99999999999999999999999", "18446744073709551616", "-9223372036854775809",
            "1e308", "4.9e-324", "1e-999", "123456789012345678901234567890e-10", "0.5", "-1", "NaN", "Infinity", "-0",
            String(repeating: "9", count: Int.random(in: 30...5000, using: &self.rng)),
        ].randomElement(using: &self.rng)!
        let templates = [
            #"{"id":\#(huge),"method":"system.hello"}"#,
            #"{"id":1,"method":"customer.list","params":{"limit":\#(huge)}}"#,
            #"{"id":1,"method":"log.read","params":{"from":\#(huge),"limit":5}}"#,
            #"{"id":1,"method":"customer.flag","params":{"customer":"x","kind":"default","source":"b","expectedVersion":\#(huge)}}"#,
            #"{"id":1,"method":"complaint.list","params":{"limit":\#(huge)}}"#,
        ]
        // Some of these are in range (0.5 is no integer, but -0 and 1e308 parse somewhere): either answer, never a crash.
        return self.unpredictable(Array(templates.randomElement(using: &self.rng)!.utf8), kind: .hugeNumber, expectation: .either)
    }

    mutating func notAnObject() -> FuzzLine {
        let texts = [
            "[]", #""text""#, "null", "42", "true", "false", #"[{"id":1,"method":"system.hello"}]"#, "{}", #"{"id":1}"#,
            #"{"method":null}"#, #"{"method":7}"#, #"{"method":["system.hello"]}"#, #"{"id":{},"method":"system.hello"}"#,
            #"{"id":[1],"method":"system.hello"}"#, #"{"id":true,"method":"system.hello"}"#, #"{"id":6.5,"method":"system.hello"}"#,
        ]
        return self.unpredictable(Array(texts.randomElement(using: &self.rng)!.utf8), kind: .notAnObject, expectation: .error)
    }

    /// JSON the spec allows or almost allows: duplicate keys, whitespace, a BOM, escapes, control
    /// characters, trailing data. Some are valid requests; none may hurt.
    mutating func oddJSON() -> FuzzLine {
        let valid = self.recentValid.randomElement(using: &self.rng) ?? Array(#"{"id":1,"method":"system.hello"}"#.utf8)
        let variants: [[UInt8]] = [
            Array(#"{"id":1,"method":"system.hello","method":"log.head"}"#.utf8),
            Array(#"{"id":1,"id":"two","method":"system.hello"}"#.utf8),
            Array("  \t".utf8) + valid + Array(" \t ".utf8),
            [0xEF, 0xBB, 0xBF] + valid,
            valid + Array(" x".utf8),
            valid + valid,
            valid + Array(",".utf8),
            Array(#"{"id":1,"method":"sys\u0074em.hello"}"#.utf8),
            Array(#"{"id":1,"method":"system.hello\u0000"}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\ud800"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\uZZZZ"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\x41"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"a"#.utf8) + [0x00, 0x09, 0x1F] + Array(#""}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"unterminated}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":"\"}}"#.utf8),
            Array(#"{'id':1,'method':'system.hello'}"#.utf8),
            Array(#"{id:1,method:"system.hello"}"#.utf8),
            Array(#"{"id":1,"method":"system.hello",}"#.utf8),
            Array(#"{"id":1,"method":"system.hello"} // comment"#.utf8),
            Array(#"{"id":1,"method":"customer.register","params":{"id":"c","name":""#.utf8)
                + Array(repeating: UInt8(ascii: "n"), count: Int.random(in: 201...200_000, using: &self.rng))
                + Array(#"","kind":"corporate"}}"#.utf8),
            Array(#"{"id":1,"method":"customer.show","params":{"id":""#.utf8)
                + Array(repeating: UInt8(ascii: "x"), count: Int.random(in: 65...500_000, using: &self.rng)) + Array(#""}}"#.utf8),
            Array(#"{"id":1,"method":"log.read","params":{"stream":"customer-\u00e9\u4e2d","limit":1000}}"#.utf8),
            Array(#"{"id":1,"method":"log.read","params":{"stream":"","from":0}}"#.utf8),
            Array(#"{"id":"#.utf8) + Array(repeating: UInt8(ascii: "7"), count: 20) + Array(#","method":"system.hello"}"#.utf8),
            Array(#"{"id":"\#(String(repeating: "i", count: Int.random(in: 1...100_000, using: &self.rng)))","method":"system.hello"}"#.utf8),
        ]
        return self.unpredictable(variants.randomElement(using: &self.rng)!, kind: .oddJSON, expectation: .either)
    }

    /// Empty lines and lines of spaces and tabs: the daemon skips them without a reply.
    mutating func blank() -> FuzzLine {
        let texts: [[UInt8]] = [[], [0x20], [0x09], [0x20, 0x09, 0x20], [0x0D], Array(repeating: 0x20, count: 1000)]
        return FuzzLine(bytes: texts.randomElement(using: &self.rng)!, kind: .blank, expectation: .none, echoedID: nil)
    }

    /// A request of exactly the maximum length: read and parsed (and refused, its subject being
    /// far too long), not treated as over-long.
    mutating func atTheLimit() -> FuzzLine {
        let customer = self.customers.randomElement(using: &self.rng) ?? "nobody"
        let head = Array(#"{"id":1,"method":"complaint.file","params":{"customer":"\#(customer)","type":"fees","channel":"app","level":"L4","subject":""#.utf8)
        let tail = Array(#""}}"#.utf8)
        let padding = Array(repeating: UInt8(ascii: "s"), count: Self.maximumLineLength - head.count - tail.count)
        return FuzzLine(bytes: head + padding + tail, kind: .atTheLimit, expectation: .error, echoedID: .number(1))
    }

    /// A line longer than the maximum: `dossier.LineTooLong`, and the connection lives on.
    mutating func oversized() -> FuzzLine {
        let length = Self.maximumLineLength + [1, 2, 1000, 1 << 20, 2 << 20].randomElement(using: &self.rng)!
        var bytes: [UInt8]
        if self.rng.chance(0.5) {
            bytes = Array(#"{"id":1,"method":"system.hello","params":{"pad":""#.utf8)
            bytes += Array(repeating: UInt8(ascii: "p"), count: length - bytes.count - 3)
            bytes += Array(#""}}"#.utf8)
        } else {
            bytes = Array(repeating: [0x20, 0x7B, 0x5B, 0x61].randomElement(using: &self.rng)!, count: length)
        }
        return FuzzLine(bytes: bytes, kind: .oversized, expectation: .lineTooLong, echoedID: FuzzLine.EchoedID.none)
    }

    /// A recent valid line with a few bytes flipped, inserted, deleted or duplicated.
    mutating func mutated() -> FuzzLine {
        guard var bytes = self.recentValid.randomElement(using: &self.rng) else { return self.randomBytes() }
        let structural = Array(#"{}[]":,\ 0-e.tnu"#.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &self.rng) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &self.rng)
            switch Int.random(in: 0..<7, using: &self.rng) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &self.rng)
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &self.rng)
            case 2: bytes.insert(structural.randomElement(using: &self.rng)!, at: at)
            case 3: bytes.remove(at: at)
            case 4: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...20, using: &self.rng)))
            case 5: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...30, using: &self.rng))], at: at)
            default: bytes[at] = structural.randomElement(using: &self.rng)!
            }
        }
        return self.unpredictable(Self.withoutNewlines(bytes), kind: .mutated, expectation: .either)
    }

    // MARK: - Helpers

    /// A line whose id may or may not be readable: only its shape is checked, not the echo.
    private func unpredictable(_ bytes: [UInt8], kind: FuzzLine.Kind, expectation: FuzzLine.Expectation) -> FuzzLine {
        let blank = FuzzLine.isBlank(bytes)
        return FuzzLine(bytes: bytes, kind: kind, expectation: blank ? .none : expectation, echoedID: nil)
    }

    private mutating func requestID() -> (RequestID?, FuzzLine.EchoedID) {
        self.nextID += 1
        switch Int.random(in: 0..<10, using: &self.rng) {
        case 0: return (nil, FuzzLine.EchoedID.none)
        case 1: return (.string("req-\(self.nextID)"), .string("req-\(self.nextID)"))
        default: return (.number(self.nextID), .number(self.nextID))
        }
    }

    private mutating func remember(_ line: [UInt8]) {
        if self.recentValid.count < 64 {
            self.recentValid.append(line)
        } else {
            self.recentValid[Int.random(in: 0..<64, using: &self.rng)] = line
        }
    }

    /// Params with a valid value for every parameter of `method`, derived from its declared type.
    private mutating func validParams(_ method: Method) -> [String: JSONValue] {
        var params: [String: JSONValue] = [:]
        for parameter in method.parameters where parameter.required || self.rng.chance(0.3) {
            params[parameter.name] = self.validValue(for: parameter)
        }
        return params
    }

    private mutating func validValue(for parameter: Method.Parameter) -> JSONValue {
        switch parameter.type {
        case "integer": return .number(Double(Int.random(in: 1...20, using: &self.rng)))
        case "bool": return .bool(self.rng.chance(0.5))
        case "uuid": return .string(self.rng.uuid().uuidString)
        case "yyyy-MM-dd": return .string("2024-03-01")
        case "decimal string": return .string("1000.00")
        case "yyyyQn": return .string("2024Q1")
        case let type where type.hasPrefix("array of"): return .array([])
        case "RFC 3339 time": return .string("2024-03-01T02:00:00Z")
        case "integer|any|stream_exists": return .string("any")
        case "decimal string": return .string("1250.50")
        case "yyyy-MM": return .string("2024-03")
        case let type where type.hasPrefix("array of "):
            return .array([.string(String(type.dropFirst(9).split(separator: "|").randomElement(using: &self.rng)!))])
        case let type where type.contains("|"):
            return .string(String(type.split(separator: "|").randomElement(using: &self.rng)!))
        default:
            switch parameter.name {
            case "customer", "id": return .string(self.customers.randomElement(using: &self.rng) ?? "x")
            case "number": return .string("HQ240301001")
            case "stream": return .string("customer-x")
            case "path": return .string("/nonexistent/fuzz")
            default: return .string("x")
            }
        }
    }

    /// A value of the wrong JSON type for `parameter` (or a wrong value of the right type where
    /// the type is a closed set or a format), which must be refused.
    private mutating func wrongValue(for parameter: Method.Parameter) -> JSONValue {
        var candidates: [JSONValue] = [.array([]), .object([:]), .array([.string("x")]), .object(["a": .number(1)])]
        switch parameter.type {
        case "integer": candidates += [.string("1"), .bool(true), .number(1.5), .number(-1e300)]
        case "bool": candidates += [.string("true"), .number(1), .number(0)]
        case "uuid": candidates += [.string("not-a-uuid"), .number(1), .bool(false), .string("")]
        case "yyyy-MM-dd": candidates += [.string("2024-13-45"), .number(20_240_301), .string("yesterday"), .string("")]
        case "RFC 3339 time": candidates += [.string("2024-03-01"), .number(1_709_251_200), .string("2024-02-30T00:00:00Z"), .string("")]
        case "integer|any|stream_exists": candidates += [.string("whatever"), .bool(true), .number(-1), .number(1.5)]
        case "decimal string": candidates += [.number(1.5), .string("1,5"), .string("-3"), .string("1.234"), .string("")]
        case "yyyy-MM": candidates += [.string("2024-13"), .number(202_403), .string("")]
        case let type where type.hasPrefix("array of "):
            // An empty array is a valid filter (no condition): only wrong elements and types are wrong.
            candidates = [.object([:]), .array([.string("nonsense")]), .string(String(type.dropFirst(9).split(separator: "|")[0])), .number(1)]
        case let type where type.contains("|"): candidates += [.string("nonsense"), .number(1), .bool(true), .string("")]
        default: candidates += [.number(1), .bool(true), .number(1.5)]
        }
        if parameter.required { candidates.append(.null) }
        return candidates.randomElement(using: &self.rng)!
    }

    private mutating func randomASCII(length: Int) -> String {
        String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &self.rng))) })
    }

    static func encode<Params: Encodable & Sendable>(_ id: RequestID?, _ method: Method, _ params: Params) -> [UInt8] {
        (try? DossierJSON.encode(Request(id: id, method: method.name, params: params))) ?? []
    }

    /// `encode` for params whose type is chosen at run time (the credit rooms' requests).
    static func encodeOpened(_ id: RequestID?, _ method: Method, _ params: any Encodable & Sendable) -> [UInt8] {
        func typed<Params: Encodable & Sendable>(_ params: Params) -> [UInt8] {
            (try? DossierJSON.encode(Request(id: id, method: method.name, params: params))) ?? []
        }
        return typed(params)
    }

    static func line(id: RequestID?, method: String, params: JSONValue?) -> [UInt8] {
        var object: [String: JSONValue] = ["method": .string(method)]
        switch id {
        case .number(let number): object["id"] = .number(Double(number))
        case .string(let text): object["id"] = .string(text)
        case nil: break
        }
        if let params { object["params"] = params }
        return Self.encodeJSON(.object(object))
    }

    static func encodeJSON(_ value: JSONValue) -> [UInt8] {
        Self.withoutNewlines((try? DossierJSON.encode(value)) ?? [])
    }

    /// A newline inside a line would split it in two: replace it.
    static func withoutNewlines(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 == 0x0A ? 0x20 : $0 }
    }
}

extension FuzzLine {
    /// True when the daemon skips the line: after one trailing `\r` is dropped, nothing but
    /// spaces and tabs (and not over-long).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= FuzzLineGenerator.maximumLineLength else { return false }
        let trimmed = bytes.last == 0x0D ? bytes.dropLast() : bytes[...]
        return trimmed.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
