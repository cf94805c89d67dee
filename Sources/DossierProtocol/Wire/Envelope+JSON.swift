import DossierCore

// The envelope of a reply and its receipt write their own JSON (see `JSONWritable`) when the
// result does; other replies go through `JSONEncoder`.

extension RequestID: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .number(let number): writer.integer(number)
        case .string(let text): writer.string(text)
        }
    }
}

extension Reply: JSONWritable where Result: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        if let id = self.id { id.write(to: &writer) } else { writer.null() }  // null when the request had none
        writer.member("more", ifPresent: self.more)
        writer.member("result", self.result)
        writer.endObject()
    }
}

extension AppendReceipt: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("deduplicated", self.deduplicated)
        writer.member("eventId", self.eventId)
        writer.member("sequence", self.sequence)
        writer.endObject()
    }
}
