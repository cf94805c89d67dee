import DossierFoundation
import DossierProtocol
import Foundation

/// Puts rows in date order without holding them: each row is written to a temporary file as
/// it is read, and only its day and place (16 bytes) stay in memory to be sorted; the rows are
/// then read back from the file in that order. Rows of the same day keep the file's order.
final class DateOrderSpill {
    private struct Place {
        var day: Int32
        var offset: Int64
        var length: Int32
    }

    private let path: String
    private let handle: FileHandle
    private var places: [Place] = []
    private var written: Int64 = 0

    init() throws {
        self.path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-import-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: self.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forUpdatingAtPath: self.path)
        else { throw ImportFileError.cannotWrite(path: self.path, reason: "cannot create a temporary file") }
        self.handle = handle
    }

    deinit {
        try? self.handle.close()
        try? FileManager.default.removeItem(atPath: self.path)
    }

    func add(_ row: ImportRowParams, day: Int) throws {
        let bytes = try DossierJSON.encode(row)
        try self.handle.write(contentsOf: bytes)
        self.places.append(
            Place(day: Int32(clamping: day), offset: self.written, length: Int32(bytes.count)))
        self.written += Int64(bytes.count)
    }

    /// Every row added, earliest day first.
    func forEachInOrder(_ body: (ImportRowParams) throws -> Void) throws {
        // A stable order: the same day keeps the file's order (offsets grow with it).
        self.places.sort { ($0.day, $0.offset) < ($1.day, $1.offset) }
        for place in self.places {
            try self.handle.seek(toOffset: UInt64(place.offset))
            guard let data = try self.handle.read(upToCount: Int(place.length)) else { continue }
            try body(try DossierJSON.decode(ImportRowParams.self, from: data))
        }
    }
}
