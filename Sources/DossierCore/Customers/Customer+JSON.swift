import DossierFoundation

// The customer values of the hot path read and write their own JSON (see `JSONReadable` and
// `JSONWritable`): customer replies and the payloads a busy log holds most. Each reads exactly
// what its `Decodable` conformance accepts, or returns nil and leaves the bytes to the decoder;
// members are written in byte order of their keys, nil optionals left out.

extension CustomerKind: JSONStringReadable, JSONWritable {}
extension PoolStage: JSONStringReadable, JSONWritable {}
extension CustomerTier: JSONStringReadable, JSONWritable {}
extension FlagKind: JSONStringReadable, JSONWritable {}
extension FlagResponse: JSONStringReadable, JSONWritable {}
extension FlagOutcome: JSONStringReadable, JSONWritable {}

extension CustomerFlag: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("kind", self.kind)
        writer.member("number", self.number)
        writer.member("observedOn", self.observedOn)
        writer.endObject()
    }
}

extension CustomerID: JSONStringReadable, JSONWritable {
    public init?(jsonString: String) { self.init(rawValue: jsonString) }
    public func write(to writer: inout JSONWriter) { writer.string(self.rawValue) }
}

extension CustomerState: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("flags", self.flags)
        writer.member("flagsRecorded", self.flagsRecorded)
        writer.member("id", self.id)
        writer.member("kind", self.kind)
        writer.member("lastFlaggedAt", ifPresent: self.lastFlaggedAt)
        writer.member("name", self.name)
        writer.member("openFlags", self.openFlags)
        writer.member("registeredAt", self.registeredAt)
        writer.member("stage", self.stage)
        writer.member("tier", self.tier)
        writer.member("version", self.version)
        writer.endObject()
    }
}

extension CustomerRegistered: JSONReadable, JSONWritable {
    private static let jsonKeys: Set<String> = ["customer", "name", "kind", "stage", "tier"]

    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys),
            let customer: CustomerID = json.required("customer"), let name: String = json.required("name"),
            let kind: CustomerKind = json.required("kind"), let stage: PoolStage = json.required("stage"),
            let tier: CustomerTier = json.required("tier")
        else { return nil }
        self.init(customer: customer, name: name, kind: kind, stage: stage, tier: tier)
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("customer", self.customer)
        writer.member("kind", self.kind)
        writer.member("name", self.name)
        writer.member("stage", self.stage)
        writer.member("tier", self.tier)
        writer.endObject()
    }
}

extension CustomerFlagged: JSONReadable, JSONWritable {
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

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("customer", self.customer)
        writer.member("detail", self.detail)
        writer.member("kind", self.kind)
        writer.member("observedOn", self.observedOn)
        writer.member("response", ifPresent: self.response)
        writer.member("source", self.source)
        writer.endObject()
    }
}
