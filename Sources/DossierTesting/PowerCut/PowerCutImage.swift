import Foundation

/// The watched files as a power cut at one point of a `WriteTrace` would leave them.
///
/// Model: a write is on the disk once a flush of its file came after it; a write after its
/// file's last flush before the cut is, at random, there, missing, or torn (each 512-byte
/// sector there or not, independently, which also covers writes reaching the disk out of
/// order). Truncations follow the same rule. File names are taken as durable: the daemon's
/// files exist before the trace starts.
public struct PowerCutImage {
    /// Each watched file's contents.
    public private(set) var files: [[UInt8]]

    static let sector = 512

    /// Applies the trace's records before `cut` to `base` (the files when the trace began).
    public init(base: [[UInt8]], trace: WriteTrace, cut: Int, random: inout some RandomNumberGenerator) {
        var files = base
        var lastFlush = [Int](repeating: -1, count: base.count)
        for index in 0..<cut where trace.records[index].kind == .flush {
            lastFlush[trace.records[index].file] = index
        }
        for index in 0..<cut {
            let record = trace.records[index]
            guard record.file < files.count, record.kind != .flush else { continue }
            let durable = index < lastFlush[record.file]
            // 0: there, 1: missing, 2: torn.
            let fate = durable ? 0 : Int.random(in: 0...2, using: &random)
            switch (record.kind, fate) {
            case (.truncate, 0), (.truncate, 2):
                Self.resize(&files[record.file], to: record.length)
            case (.write, 0):
                Self.write(trace.data(of: record), at: record.offset, into: &files[record.file], keepSector: { _ in true })
            case (.write, 2):
                var keep: [Bool] = []
                for _ in 0..<((record.length + Self.sector - 1) / Self.sector) { keep.append(Bool.random(using: &random)) }
                Self.write(trace.data(of: record), at: record.offset, into: &files[record.file]) { keep[$0] }
            default:
                break
            }
        }
        self.files = files
    }

    private static func resize(_ file: inout [UInt8], to length: Int) {
        if file.count > length { file.removeLast(file.count - length) } else { file += [UInt8](repeating: 0, count: length - file.count) }
    }

    /// Writes `data` at `offset`, sector by sector (sectors of the write, counted from its
    /// start), those `keepSector` keeps; a kept sector beyond the end grows the file.
    private static func write(
        _ data: ArraySlice<UInt8>, at offset: Int, into file: inout [UInt8], keepSector: (Int) -> Bool
    ) {
        var sector = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = min(start + Self.sector, data.endIndex)
            if keepSector(sector) {
                let at = offset + (start - data.startIndex)
                if file.count < at + (end - start) { Self.resize(&file, to: at + (end - start)) }
                file.replaceSubrange(at..<(at + (end - start)), with: data[start..<end])
            }
            start = end
            sector += 1
        }
    }

    /// Writes the files into `directory` (mode 0600), named as the shim's `POWERCUT_FILES`.
    public func write(to directory: String, names: [String]) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (name, bytes) in zip(names, self.files) {
            let path = directory + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
        }
    }
}
