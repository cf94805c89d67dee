import DossierProtocol
import Foundation

/// The `params` of a request, decoded as the method's type in the same pass that checks every
/// given key is one of the method's parameters: a misspelt `requestID` must not silently
/// drop idempotency.
struct CheckedParams<Params: Decodable>: Decodable {
    /// The decoder's `userInfo` entry holding the method's parameter names (`Set<String>`).
    static var allowedKeysInfo: CodingUserInfoKey { CodingUserInfoKey(rawValue: "dossier.allowedParams")! }

    /// nil when the request has no `params` (or `"params": null`).
    var params: Params?

    private enum CodingKeys: String, CodingKey { case params }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.params), try !container.decodeNil(forKey: .params) else {
            self.params = nil
            return
        }
        let keys: KeyedDecodingContainer<AnyKey>
        do {
            keys = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .params)
        } catch {
            throw WireError(code: .badRequest, message: "params must be a JSON object")
        }
        let allowed = decoder.userInfo[Self.allowedKeysInfo] as? Set<String> ?? []
        for key in keys.allKeys where !allowed.contains(key.stringValue) {
            let suggestion = allowed.first { $0.lowercased() == key.stringValue.lowercased() }
            throw WireError(
                code: .badRequest,
                message: "params.\(key.stringValue) is not a parameter of this method"
                    + (suggestion.map { "; did you mean \($0)?" } ?? ""),
                details: ["field": .string("params.\(key.stringValue)")])
        }
        self.params = try Params(from: container.superDecoder(forKey: .params))
    }
}
