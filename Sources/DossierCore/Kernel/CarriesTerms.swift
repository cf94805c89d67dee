/// A value that carries terms (a proposal, its approval, the rating or limit in force) and
/// reads them as its own members: `limit.amount` for `limit.terms.amount`. The terms are one
/// value so that what was proposed is what is approved and what stands, with nothing copied
/// field by field on the way.
@dynamicMemberLookup
public protocol CarriesTerms {
    associatedtype Terms
    var terms: Terms { get }
}

extension CarriesTerms {
    public subscript<Value>(dynamicMember keyPath: KeyPath<Terms, Value>) -> Value { self.terms[keyPath: keyPath] }
}
