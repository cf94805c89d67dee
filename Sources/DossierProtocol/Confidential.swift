import DossierCore

/// A kind of confidential information and the roles that may see it.
///
/// DOMAIN.md: internal ratings and credit limits are confidential, visible only to roles allowed
/// to see them. Results declare where such fields sit (`HasConfidentialFields`); the server
/// leaves out every one the caller's role may not see, before the reply is written, and names
/// the kinds it left out in the result's `withheld` member.
public struct Confidentiality: Hashable, Sendable {
    /// The name a reply lists in `withheld`, e.g. `badRecords`.
    public var name: String
    /// The roles that may see it; everyone else gets the result without it.
    public var roles: Set<Role>

    public init(name: String, roles: Set<Role>) {
        self.name = name
        self.roles = roles
    }

    /// Whether a caller with `role` (nil: no role) may see fields of this kind.
    public func isVisible(to role: Role?) -> Bool {
        guard let role else { return false }
        return self.roles.contains(role)
    }

    /// Every kind, for documentation and tests.
    public static let all: [Confidentiality] = [.badRecords, .internalRatings, .creditLimits]
}

/// One confidential field of a result: where it sits in the result's JSON and what kind it is.
public struct ConfidentialField: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path into a JSON value.
    public enum Step: Hashable, Sendable {
        /// The member of an object.
        case key(String)
        /// Every element of an array.
        case eachElement
    }

    public var path: [Step]
    public var confidentiality: Confidentiality
    /// When set, the field is confidential only in objects whose `type` member is one of these
    /// (events in `log.read`: only a `CustomerFlagged` event's `data` is a bad record).
    public var onlyForTypes: Set<String>?
    /// What stands in for the field: nil removes the member; a value (such as `null`) replaces
    /// it, for members a client's decoder requires.
    public var replacement: JSONValue?

    /// - Parameter path: dotted keys, `[]` after a key for each element of its array:
    ///   `customers[].openFlags`.
    public init(
        _ path: String, _ confidentiality: Confidentiality, onlyForTypes: Set<String>? = nil,
        replacement: JSONValue? = nil
    ) {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            if part.hasSuffix("[]") {
                steps += [.key(String(part.dropLast(2))), .eachElement]
            } else {
                steps.append(.key(String(part)))
            }
        }
        self.path = steps
        self.confidentiality = confidentiality
        self.onlyForTypes = onlyForTypes
        self.replacement = replacement
    }

    public var description: String {
        self.path.map {
            switch $0 {
            case .key(let key): return ".\(key)"
            case .eachElement: return "[]"
            }
        }.joined().dropFirst().description
    }
}

/// A result type whose JSON holds confidential fields.
public protocol HasConfidentialFields: Encodable {
    /// Every confidential field, wherever it sits in the result.
    static var confidentialFields: [ConfidentialField] { get }
    /// The kinds the server left out (`Confidentiality.name`); nil when nothing was.
    var withheld: [String]? { get }
}

extension HasConfidentialFields {
    /// Whether the server left out fields of `confidentiality`.
    public func isWithheld(_ confidentiality: Confidentiality) -> Bool {
        self.withheld?.contains(confidentiality.name) ?? false
    }

    /// This result's JSON as the server sent it: a client that decoded a redacted result would
    /// otherwise re-encode defaults (`"openFlags": 0`) in place of what it was not shown.
    public func encodedAsReceived() throws -> [UInt8] {
        let withheld = Set(self.withheld ?? [])
        let bytes = try DossierJSON.encode(self)
        guard !withheld.isEmpty else { return bytes }
        var value = try DossierJSON.decode(JSONValue.self, from: bytes)
        for field in Self.confidentialFields where withheld.contains(field.confidentiality.name) {
            value = value.removing(field)
        }
        return try DossierJSON.encode(value)
    }
}

extension JSONValue {
    /// This value without `field` (or with its replacement).
    public func removing(_ field: ConfidentialField) -> JSONValue {
        Self.removing(field, path: field.path[...], from: self)
    }

    private static func removing(_ field: ConfidentialField, path: ArraySlice<ConfidentialField.Step>, from value: JSONValue)
        -> JSONValue
    {
        guard let step = path.first else { return value }
        let rest = path.dropFirst()
        switch (step, value) {
        case (.eachElement, .array(let elements)):
            return .array(elements.map { Self.removing(field, path: rest, from: $0) })
        case (.key(let key), .object(var object)):
            guard let member = object[key] else { return value }
            if rest.isEmpty {
                if let types = field.onlyForTypes {
                    guard let type = object["type"]?.stringValue, types.contains(type) else { return value }
                }
                object[key] = field.replacement
            } else {
                object[key] = Self.removing(field, path: rest, from: member)
            }
            return .object(object)
        default:
            return value
        }
    }

    /// This result as a caller with `role` may see it under `access`: every field of `fields`
    /// the role may not see is removed, and the kinds left out are listed, sorted, in a `withheld` member.
    ///
    /// `withheld` depends only on the result type and the role, never on the data: a viewer
    /// learns that bad records are withheld from every customer, not which customer has any.
    public func redacted(
        _ fields: [ConfidentialField], for role: Role?, access: ConfidentialAccess = ConfidentialAccess()
    ) -> JSONValue {
        let hidden = fields.filter { !access.isVisible($0.confidentiality, to: role) }
        guard !hidden.isEmpty else { return self }
        var value = self
        for field in hidden { value = value.removing(field) }
        guard case .object(var object) = value else { return value }
        object["withheld"] = .array(Set(hidden.map(\.confidentiality.name)).sorted().map(JSONValue.string))
        return .object(object)
    }
}
