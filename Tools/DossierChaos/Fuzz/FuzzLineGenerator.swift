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
    var recentValid: [[UInt8]] = []
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

    // MARK: - Helpers

    /// A line whose id may or may not be readable: only its shape is checked, not the echo.
    func unpredictable(_ bytes: [UInt8], kind: FuzzLine.Kind, expectation: FuzzLine.Expectation) -> FuzzLine {
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
