import DossierCore
import Testing

@Suite("ExpectedVersion")
struct ExpectedVersionTests {
    @Test(arguments: [
        (ExpectedVersion.any, 0, true), (.any, 1, true), (.any, .max, true),
        (.noStream, 0, true), (.noStream, 1, false), (.noStream, 7, false),
        (.streamExists, 0, false), (.streamExists, 1, true), (.streamExists, 7, true),
        (.exact(0), 0, true), (.exact(0), 1, false),
        (.exact(7), 7, true), (.exact(7), 6, false), (.exact(7), 8, false), (.exact(7), 0, false),
    ] as [(ExpectedVersion, UInt64, Bool)])
    func isSatisfied(expected: ExpectedVersion, current: UInt64, satisfied: Bool) {
        #expect(expected.isSatisfied(byCurrentVersion: current) == satisfied)
    }

    @Test(arguments: [
        ("any", ExpectedVersion.any), ("no_stream", .noStream), ("stream_exists", .streamExists), ("0", .exact(0)),
        ("7", .exact(7)), ("18446744073709551615", .exact(.max)),
    ])
    func parsesTheWireForm(text: String, expected: ExpectedVersion) {
        #expect(ExpectedVersion(wire: text) == expected)
        #expect(expected.description == text)
    }

    @Test(arguments: ["", "ANY", "Any", "no-stream", "-1", "1.0", " 7", "7 ", "18446744073709551616", "0x7", "exists"])
    func rejectsOtherWireForms(text: String) {
        #expect(ExpectedVersion(wire: text) == nil)
    }
}
