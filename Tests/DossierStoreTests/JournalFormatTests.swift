import DossierTesting
import Foundation
import LMDB
import Testing

@testable import DossierStore

/// The journal's bytes: a record or header that a power cut tore is never taken for one.
@Suite("Journal write path: formats")
struct JournalFormatTests {
    static let record = JournalRecord(
        epoch: 7, firstSequence: 41,
        entries: [
            JournalRecord.Entry(projected: true, stored: Array(repeating: 0xab, count: 90)),
            JournalRecord.Entry(projected: false, stored: Array(repeating: 0xcd, count: 33)),
        ])

    static func split(_ bytes: [UInt8]) -> (header: [UInt8], payload: [UInt8]) {
        (Array(bytes[0..<JournalRecord.headerLength]), Array(bytes[JournalRecord.headerLength...]))
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let (header, payload) = Self.split(Self.record.encoded())
        #expect(JournalRecord.payloadLength(header: header) == payload.count)
        let decoded = try #require(JournalRecord(header: header, payload: payload))
        #expect(decoded == Self.record)
        #expect(decoded.lastSequence == 42)
    }

    @Test func aRecordWithAnyByteChangedIsRefused() {
        let bytes = Self.record.encoded()
        // Every byte after the magic and length (which decide how much is read) is covered by
        // the checksum; a change to the length makes the payload the wrong size.
        for index in 4..<bytes.count {
            var changed = bytes
            changed[index] ^= 0x20
            let (header, payload) = Self.split(changed)
            #expect(JournalRecord(header: header, payload: payload) == nil, "byte \(index)")
        }
    }

    @Test func aRecordCutShortIsRefused() {
        let bytes = Self.record.encoded()
        for length in [JournalRecord.headerLength, JournalRecord.headerLength + 1, bytes.count - 1] {
            let (header, payload) = Self.split(Array(bytes[0..<length]))
            #expect(JournalRecord(header: header, payload: payload) == nil, "\(length) bytes")
        }
    }

    @Test func zeroesAreNotARecord() {
        #expect(JournalRecord.payloadLength(header: Array(repeating: 0, count: JournalRecord.headerLength)) == nil)
    }

    static func header(generation: UInt64, sequence: UInt64) throws -> JournalHeader {
        var meta = [UInt8](repeating: 0, count: MetaPages.Image.length)
        meta[112] = UInt8(sequence)  // the snapshot's transaction id
        return JournalHeader(
            generation: generation, logID: Array(repeating: 3, count: 16), pageSize: 4096, segmentBytes: 1 << 20,
            checkpoint: JournalHeader.Checkpoint(
                meta: try #require(MetaPages.Image(bytes: meta)),
                head: LogHead(sequence: sequence, hash: Array(repeating: 9, count: 32))),
            segment: Int(generation % 2), epoch: generation + 10)
    }

    @Test func aTornHeaderLeavesThePreviousOne() throws {
        var slot0 = try Self.header(generation: 4, sequence: 100).encoded()
        var slot1 = try Self.header(generation: 5, sequence: 200).encoded()
        slot0 += Array(repeating: 0, count: JournalHeader.slotSize - slot0.count)
        slot1 += Array(repeating: 0, count: JournalHeader.slotSize - slot1.count)
        #expect(JournalHeader(slot: slot1) == (try Self.header(generation: 5, sequence: 200)))
        // Generation 5's write was cut off halfway: its checksum fails, generation 4 stands.
        var torn = slot1
        for index in 60..<slot1.count { torn[index] = 0 }
        #expect(JournalHeader(slot: torn) == nil)
        #expect(JournalHeader(slot: slot0)?.checkpoint.head.sequence == 100)
    }
}
