import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a CSV file as records, a chunk at a time: the file is never in memory whole, so a
/// file of any size costs about one chunk plus the longest record. Its encoding is the one
/// given, or the one its first chunk shows (`EncodingDetector`).
public final class CSVFileReader {
    public let path: String
    /// The file's size in bytes (0 when it cannot be known, e.g. a pipe).
    public let size: Int64
    /// The encoding read: `UTF-8`, `GB18030`, ...
    public let encoding: String
    private let descriptor: Int32
    private let transcoder: TextTranscoder
    private var scanner: CSVScanner
    private var pending: [UInt8]?
    private var atEnd = false
    private let chunkSize: Int
    /// Bytes of the file read so far (progress).
    public private(set) var bytesRead: Int64 = 0

    /// - Parameter encoding: nil to detect it.
    /// - Throws: `ImportFileError.cannotOpen`, `.unknownEncoding`.
    public init(
        path: String, encoding: String? = nil, options: CSVScanner.Options = CSVScanner.Options(),
        chunkSize: Int = 256 * 1024
    ) throws(ImportFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        self.size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int64(status.st_size) : 0
        self.path = path
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        self.scanner = CSVScanner(options: options)
        let first: [UInt8]
        do {
            first = try Self.read(descriptor, count: chunkSize, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        let name = encoding ?? EncodingDetector.detect(first)
        do {
            self.transcoder = try TextTranscoder(encoding: name)
        } catch {
            close(descriptor)
            throw error
        }
        self.encoding = self.transcoder.encoding ?? "UTF-8"
        self.pending = first
    }

    deinit {
        close(self.descriptor)
    }

    /// Byte sequences the encoding does not have, read as U+FFFD.
    public var replacedSequences: Int { self.transcoder.replacedSequences }

    /// The next record or malformed record, or `.end`; never `.needsInput`.
    public func next() throws(ImportFileError) -> CSVScanner.Item {
        while true {
            let item = self.scanner.next()
            guard item == .needsInput else { return item }
            try self.feed()
        }
    }

    private func feed() throws(ImportFileError) {
        let chunk: [UInt8]
        if let pending = self.pending {
            chunk = pending
            self.pending = nil
        } else {
            chunk = try Self.read(self.descriptor, count: self.chunkSize, path: self.path)
        }
        self.bytesRead += Int64(chunk.count)
        if chunk.isEmpty {
            self.scanner.append(self.transcoder.convert([], final: true))
            self.scanner.finish()
        } else {
            self.scanner.append(self.transcoder.convert(chunk))
        }
    }

    private static func read(_ descriptor: Int32, count: Int, path: String) throws(ImportFileError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
            if got >= 0 { return Array(buffer[0..<got]) }
            if errno != EINTR { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
    }
}
