import DossierCore
import DossierProtocol
import Foundation
import Testing

/// The hot replies write their own JSON; it must be the bytes `JSONEncoder` writes.
@Suite("Replies written by hand match JSONEncoder")
struct ReplyWriterTests {
    static func both(_ value: some Encodable & JSONWritable) throws -> (written: String, encoded: String) {
        var writer = JSONWriter()
        value.write(to: &writer)
        return (String(decoding: writer.bytes, as: UTF8.self), String(decoding: try DossierJSON.encoder().encode(value), as: UTF8.self))
    }

    static let customer: CustomerState = {
        var state = CustomerState(
            id: CustomerID(rawValue: "C-7"), name: "Li \"Lei\" / 李雷\n", kind: .corporate, stage: .active, tier: .gold,
            registeredAt: Timestamp(millisecondsSince1970: 1_700_000_000_123), version: 12)
        state.openFlags = 3
        state.lastFlaggedAt = Timestamp(millisecondsSince1970: 1_700_000_100_000)
        return state
    }()

    @Test(arguments: [RequestID.number(-5), .number(0), .string("req \"1\""), nil] as [RequestID?])
    func aCustomerReplyWithEveryOptionalPresentOrNot(id: RequestID?) throws {
        let receipt = AppendReceipt(sequence: 42, eventId: UUID(), deduplicated: true)
        var withheld = CustomerResult(customer: Self.customer)
        withheld.withheld = ["badRecords"]
        for result in [CustomerResult(customer: Self.customer, receipt: receipt), CustomerResult(customer: Self.customer), withheld] {
            for more in [nil, true, false] as [Bool?] {
                let pair = try Self.both(Reply(id: id, result: result, more: more))
                #expect(pair.written == pair.encoded)
            }
        }
    }
}
