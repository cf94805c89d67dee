import Foundation

// The hot-path types of DossierCore write their own JSON (see `JSONWritable`): customer
// replies and the payloads of the events a busy daemon appends most. Members in byte order of
// their keys; nil optionals left out.

extension ClosedSet {
    public func write(to writer: inout JSONWriter) { writer.string(self.rawValue) }
}

extension CustomerKind: JSONWritable {}
extension PoolStage: JSONWritable {}
extension CustomerTier: JSONWritable {}
extension FlagKind: JSONWritable {}
extension FlagResponse: JSONWritable {}

extension CustomerID: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self.rawValue) }
}

extension Timestamp: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self.iso8601) }
}

extension LocalDate: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self.description) }
}

extension UUID: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self.uuidString) }
}

extension CustomerState: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
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

extension CustomerRegistered: JSONWritable {
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

extension CustomerFlagged: JSONWritable {
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
