// The checks every room makes of the text a command carries, worded alike everywhere.

extension String {
    /// The text trimmed, when that leaves 1 to `maximum` characters (a reason, a basis, a
    /// name); otherwise `invalidField(field)`.
    func requiredText(_ field: String, maximum: Int = 200) throws(DomainError) -> String {
        let trimmed = self.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= maximum else {
            throw .invalidField(field: field, reason: "must be 1 to \(maximum) characters")
        }
        return trimmed
    }

    /// Free text as given, when at most `maximum` characters (a note, a detail).
    func freeText(_ field: String, maximum: Int = 10_000) throws(DomainError) -> String {
        guard self.count <= maximum else {
            throw .invalidField(field: field, reason: "must be at most \(maximum) characters")
        }
        return self
    }
}
