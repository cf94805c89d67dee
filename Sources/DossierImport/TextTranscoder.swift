import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns text in a legacy encoding (GB18030, GBK, Latin-1, ...) into UTF-8 as it streams in,
/// through the C library's iconv: its tables, not ours. A character cut between two chunks
/// waits for the next one; a byte sequence the encoding does not have becomes U+FFFD, so the
/// row holding it is still read (and its odd text shows in what is imported or rejected).
///
/// UTF-8 input passes through untouched (the CSV scanner checks it field by field).
public final class TextTranscoder {
    /// The encoding's name as iconv knows it (`GB18030`, `GBK`, `LATIN1`); nil for UTF-8.
    public let encoding: String?
    private let converter: iconv_t?
    /// The end of the previous chunk that did not yet make a whole character.
    private var carry: [UInt8] = []
    /// Byte sequences the encoding does not have, replaced by U+FFFD.
    public private(set) var replacedSequences = 0

    /// - Throws: `ImportFileError.unknownEncoding` when iconv has no such encoding.
    public init(encoding name: String) throws(ImportFileError) {
        let normalized = name.uppercased().replacingOccurrences(of: "_", with: "-")
        if ["UTF-8", "UTF8"].contains(normalized) {
            self.encoding = nil
            self.converter = nil
            return
        }
        guard let converter = iconv_open("UTF-8", normalized), converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw .unknownEncoding(name)
        }
        self.encoding = normalized
        self.converter = converter
    }

    deinit {
        if let converter = self.converter { iconv_close(converter) }
    }

    /// The UTF-8 text of `chunk`; with `final`, whatever the carry held too.
    public func convert(_ chunk: [UInt8], final: Bool = false) -> [UInt8] {
        guard let converter = self.converter else { return chunk }
        var input = self.carry + chunk
        self.carry = []
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 2 + 16)
        var outBuffer = [UInt8](repeating: 0, count: 64 * 1024)
        var position = 0
        while position < input.count {
            let (consumed, produced, failure) = input.withUnsafeMutableBufferPointer { inBytes in
                outBuffer.withUnsafeMutableBufferPointer { outBytes in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBytes.baseAddress! + position)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBytes.count - position
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBytes.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBytes.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure: Int32 = result == -1 ? errno : 0
                    return (inBytes.count - position - inLeft, outBytes.count - outLeft, failure)
                }
            }
            output.append(contentsOf: outBuffer[0..<produced])
            position += consumed
            switch failure {
            case 0, E2BIG:
                continue
            case EINVAL where !final:
                // A character begun at the end of the chunk: finish it with the next one.
                self.carry = Array(input[position...])
                return output
            default:
                // EILSEQ (or a truncated character at the very end): one byte becomes U+FFFD.
                output += [0xEF, 0xBF, 0xBD]
                self.replacedSequences += 1
                position += 1
            }
        }
        input.removeAll()
        return output
    }
}

/// Guesses a file's encoding from its first bytes: UTF-8 when they are valid UTF-8 (a
/// character cut at the end of the sample allowed), else GB18030 when they all convert as
/// GB18030 (a superset of GBK and GB2312, the encodings Chinese spreadsheets save), else
/// Latin-1, which reads any bytes.
public enum EncodingDetector {
    public static func detect(_ sample: [UInt8]) -> String {
        if Self.isUTF8(sample) { return "UTF-8" }
        if let gb = try? TextTranscoder(encoding: "GB18030") {
            // The last few bytes may be a character cut by the sample's end: leave them out.
            _ = gb.convert(Array(sample.dropLast(3)), final: true)
            if gb.replacedSequences == 0 { return "GB18030" }
        }
        return "LATIN1"
    }

    static func isUTF8(_ sample: [UInt8]) -> Bool {
        if String(validating: sample, as: UTF8.self) != nil { return true }
        // A sample cut inside a character: valid once the cut character is left out.
        for cut in 1...3 where sample.count > cut {
            if String(validating: sample.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }
}
