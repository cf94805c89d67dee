import DossierCore
import DossierFoundation
import DossierImport
import DossierProtocol
import Foundation
import Testing

/// config/import/*.toml spell out every setting of the formats with its default: loading one
/// must read every key, and give the same rows as the built-in defaults.
@Suite("Mapping files: config/import spells out the defaults")
struct MappingFileTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/import").path

    static func mapping(_ name: String) throws -> MappingFile {
        try MappingFile(path: Self.directory + "/" + name)
    }

    /// The rows `format` makes of `text`.
    static func rows(_ format: any ImportFormat, _ text: String) throws -> [ImportRowParams] {
        let sink = RecordingSink()
        _ = try ImportRunner(format: format, options: ImportOptions(), rejects: nil)
            .run(path: try ImportFixtures.write(text), sink: sink)
        return sink.rows
    }

    @Test func theUCIFileIsTheDefaults() throws {
        let file = try Self.mapping("uci-credit.toml")
        let written = try UCICreditFormat(mapping: file)
        try file.checkAllRead()
        #expect(
            try Self.rows(written, ImportFixtures.uciVariant)
                == Self.rows(try UCICreditFormat(mapping: MappingFile()), ImportFixtures.uciVariant))
    }

    @Test func theCFPBFileIsTheDefaults() throws {
        let file = try Self.mapping("cfpb.toml")
        let written = try CFPBFormat(mapping: file)
        try file.checkAllRead()
        #expect(
            try Self.rows(written, ImportFixtures.cfpb) == Self.rows(try CFPBFormat(mapping: MappingFile()), ImportFixtures.cfpb))
    }

    @Test func theAgencyRatingsFileIsTheDefaults() throws {
        let file = try Self.mapping("agency-ratings.toml")
        let written = try AgencyRatingsFormat(mapping: file)
        try file.checkAllRead()
        #expect(
            try Self.rows(written, ImportFixtures.agencyRatings)
                == Self.rows(try AgencyRatingsFormat(mapping: MappingFile()), ImportFixtures.agencyRatings))
    }

    @Test func theMappedExampleReadsALedger() throws {
        let file = try Self.mapping("mapped-example.toml")
        let format = try MappedFormat(mapping: file)
        try file.checkAllRead()
        let ledger = """
            Account,Customer No,Customer Name,Limit,Granted,Expires,Days Past Due
            A-1,C 001,"Acme Trading, Ltd",1.5e+06,18.03.2026,17.03.2027,45
            A-2,C002,Other Co,200000,1/4/2026,31/3/2027,0
            A-3,C003,Bad Co,,1/4/2026,31/3/2027,0
            """
        let rows = try Self.rows(format, ledger)
        #expect(rows.map(\.key) == ["A-1", "A-2"])
        #expect(rows[0].customer.id.hasPrefix("br-") && rows[0].customer.id != "br-C 001")
        #expect(rows[1].customer.id == "br-C002")
        #expect(rows[0].customer.kind == .corporate)
        #expect(rows[0].limit?.amount == ExactDecimal("1500000"))
        #expect(rows[0].limit?.validFrom == LocalDate("2026-03-18"))
        #expect(rows[1].limit?.validFrom == LocalDate("2026-04-01"))
        #expect(rows[0].flags?.count == 1)
        #expect(rows[1].flags == nil)
        #expect(rows[0].rating == nil && rows[0].complaint == nil)
    }

    @Test func aBadValueNamesItsKey() throws {
        let file = try MappingFile(text: "delay_threshold = 12\n", path: "x.toml")
        #expect {
            try UCICreditFormat(mapping: file)
        } throws: { error in
            "\(error)".contains("delay_threshold must be a whole number from 1 to 9")
        }
    }
}
