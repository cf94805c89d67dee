import Foundation

/// The writes and flushes a process made to the files a power-cut test watches, as the
/// LD_PRELOAD shim in `Tools/powercut-shim` recorded them (its header describes the format).
public struct WriteTrace: Sendable {
    public enum Kind: UInt8, Sendable {
        case write = 1
        /// `fsync`/`fdatasync` returned, or a write through an `O_SYNC`/`O_DSYNC` descriptor.
        case flush = 2
        case truncate = 3
    }

    public struct Record: Sendable {
        public let kind: Kind
        /// Index into the shim's `POWERCUT_FILES`.
        public let file: Int
        public let offset: Int
        /// Bytes written, or a truncate's new size.
        public let length: Int
        /// CLOCK_MONOTONIC, taken after the call returned (see `MonotonicClock`).
        public let time: UInt64
        /// Where a write's bytes are in `bytes`.
        let dataStart: Int
    }

    public let records: [Record]
    let bytes: [UInt8]

    /// Reads a trace; a record cut short at the end (the process was killed while the shim
    /// wrote it) is left out.
    public init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var records: [Record] = []
        var offset = 0
        while offset + 26 <= bytes.count {
            func field(_ at: Int) -> UInt64 {
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + at + $1]) << (8 * UInt64($1)) }
            }
            guard let kind = Kind(rawValue: bytes[offset]) else {
                throw PowerCutError("trace \(path) has an unknown record kind \(bytes[offset]) at byte \(offset)")
            }
            let length = Int(field(10))
            let dataLength = kind == .write ? length : 0
            guard offset + 26 + dataLength <= bytes.count else { break }
            records.append(
                Record(
                    kind: kind, file: Int(bytes[offset + 1]), offset: Int(field(2)), length: length, time: field(18),
                    dataStart: offset + 26))
            offset += 26 + dataLength
        }
        self.records = records
        self.bytes = bytes
    }

    func data(of record: Record) -> ArraySlice<UInt8> { self.bytes[record.dataStart..<(record.dataStart + record.length)] }
}

/// CLOCK_MONOTONIC in nanoseconds: the clock the shim stamps its records with, so that a
/// client's answer can be placed before or after any record.
public enum MonotonicClock {
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

public struct PowerCutError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
