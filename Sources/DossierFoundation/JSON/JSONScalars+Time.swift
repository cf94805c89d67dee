import Foundation

// Times, dates and ids as JSON strings, read and written without the coders (see
// `JSONReadable`, `JSONWritable`), byte for byte what their `Codable` conformances do.

extension LocalDate: JSONStringReadable, JSONWritable {
    public init?(jsonString: String) { self.init(jsonString) }
    public func write(to writer: inout JSONWriter) { writer.string(self.description) }
}

extension Timestamp: JSONStringReadable, JSONWritable {
    public init?(jsonString: String) { self.init(iso8601: jsonString) }
    public func write(to writer: inout JSONWriter) { writer.string(self.iso8601) }
}

extension UUID: JSONStringReadable, JSONWritable {
    public init?(jsonString: String) { self.init(uuidString: jsonString) }
    public func write(to writer: inout JSONWriter) { writer.string(self.uuidString) }
}

extension ClosedSet {
    public func write(to writer: inout JSONWriter) { writer.string(self.rawValue) }
}
