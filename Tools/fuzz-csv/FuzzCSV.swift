import DossierImport
import FuzzingSupport

/// Reads the input as CSV, with options chosen by its first byte; whatever reads must render
/// and read back to the same table, and whatever fails must fail with a `CSVError` (a crash or
/// a trap is the finding).
func fuzzCSV(_ input: [UInt8]) {
    guard let first = input.first else { return }
    var options = CSVReader.Options()
    options.hasHeader = first & 1 != 0
    options.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")][Int(first >> 1) & 3]
    if first & 0x08 != 0 {
        options.maximumFieldBytes = 16
        options.maximumRecordBytes = 64
        options.maximumFields = 8
    }
    guard let table = try? CSVReader.read(Array(input.dropFirst()), options: options) else { return }
    let all = (table.header.map { [$0] } ?? []) + table.records
    // The rendering may quote and end lines differently, so read it back without the small limits.
    var again = CSVReader.Options()
    again.hasHeader = options.hasHeader
    again.delimiter = options.delimiter
    let reread = try? CSVReader.read(CSVWriter.render(all, delimiter: options.delimiter), options: again)
    guard reread == table else {
        fatalError("CSV round trip differs: read \(table), rendered and read back \(String(describing: reread))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzCSV(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
@main
enum ReplayCSVCorpus {
    static func main() {
        CorpusReplay.run(arguments: Array(CommandLine.arguments.dropFirst()), fuzzCSV)
    }
}
#endif
