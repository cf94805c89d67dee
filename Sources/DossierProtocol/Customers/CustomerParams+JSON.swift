import DossierCore
import Foundation

// The params of the busiest customer methods read without `JSONDecoder` (see `JSONReadable`);
// a request whose params this cannot read goes to the decoder, which words any error.

extension CustomerIDParams: JSONReadable {
    private static let jsonKeys: Set<String> = ["id", "asOf"]

    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys), let id: String = json.required("id"),
            let asOf: Timestamp? = json.optional("asOf")
        else { return nil }
        self.init(id: id, asOf: asOf)
    }
}

extension RegisterCustomerParams: JSONReadable {
    private static let jsonKeys: Set<String> = ["id", "name", "kind", "stage", "tier", "requestId"]

    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys),
            let id: String = json.required("id"), let name: String = json.required("name"),
            let kind: CustomerKind = json.required("kind"), let stage: PoolStage? = json.optional("stage"),
            let tier: CustomerTier? = json.optional("tier"), let requestId: UUID? = json.optional("requestId")
        else { return nil }
        self.init(id: id, name: name, kind: kind, stage: stage, tier: tier, requestId: requestId)
    }
}

extension FlagCustomerParams: JSONReadable {
    private static let jsonKeys: Set<String> = ["customer", "kind", "source", "detail", "observedOn", "response", "requestId"]

    /// Requests with `expectedVersion` take the decoder's path (its forms are not scalars only).
    public init?(json: JSONMembers) {
        guard json.hasOnly(Self.jsonKeys),
            let customer: String = json.required("customer"), let kind: FlagKind = json.required("kind"),
            let source: String = json.required("source"), let detail: String? = json.optional("detail"),
            let observedOn: LocalDate? = json.optional("observedOn"),
            let response: FlagResponse? = json.optional("response"), let requestId: UUID? = json.optional("requestId")
        else { return nil }
        self.init(
            customer: customer, kind: kind, source: source, detail: detail, observedOn: observedOn, response: response,
            requestId: requestId)
    }
}
