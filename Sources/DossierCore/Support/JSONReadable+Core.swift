import Foundation

// Scalars and the payloads of the events a busy log holds most, read without `JSONDecoder`
// (see `JSONReadable`). Each reads exactly what its `Decodable` conformance accepts, or
// returns nil and leaves the bytes to the decoder.

extension CustomerKind: JSONStringReadable {}
extension PoolStage: JSONStringReadable {}
extension CustomerTier: JSONStringReadable {}
extension FlagKind: JSONStringReadable {}
extension FlagResponse: JSONStringReadable {}

extension CustomerID: JSONStringReadable {
    public init?(jsonString: String) { self.init(rawValue: jsonString) }
}

extension LocalDate: JSONStringReadable {
    public init?(jsonString: String) { self.init(jsonString) }
}

extension Timestamp: JSONStringReadable {
    public init?(jsonString: String) { self.init(iso8601: jsonString) }
}

extension UUID: JSONStringReadable {
    public init?(jsonString: String) { self.init(uuidString: jsonString) }
}

extension CustomerRegistered: JSONReadable {
    private static let jsonKeys: Set<String> = ["customer", "name", "kind", "stage", "tier"]

    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys),
            let customer: CustomerID = json.required("customer"), let name: String = json.required("name"),
            let kind: CustomerKind = json.required("kind"), let stage: PoolStage = json.required("stage"),
            let tier: CustomerTier = json.required("tier")
        else { return nil }
        self.init(customer: customer, name: name, kind: kind, stage: stage, tier: tier)
    }
}

extension CustomerFlagged: JSONReadable {
    private static let jsonKeys: Set<String> = ["customer", "kind", "source", "detail", "observedOn", "response"]

    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys),
            let customer: CustomerID = json.required("customer"), let kind: FlagKind = json.required("kind"),
            let source: String = json.required("source"), let detail: String = json.required("detail"),
            let observedOn: LocalDate = json.required("observedOn"),
            let response: FlagResponse? = json.optional("response")
        else { return nil }
        self.init(customer: customer, kind: kind, source: source, detail: detail, observedOn: observedOn, response: response)
    }
}
