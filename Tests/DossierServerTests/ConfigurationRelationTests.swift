import DossierCore
import DossierStore
import DossierTesting
import Foundation
import Logging
import Testing

@testable import DossierServer

/// Issue 17.5: values that are each valid but contradict each other are refused, naming both keys.
@Suite("Config values that contradict each other")
struct ConfigurationRelationTests {
    static func load(_ toml: String) throws(ConfigurationError) -> DossierdConfiguration {
        var configuration = ConfigurationLoader.defaults(environment: [:])
        try ConfigurationLoader.apply(toml: toml, to: &configuration)
        return configuration
    }

    /// The error loading `toml` gives, or nil when it loads.
    static func refusal(_ toml: String) -> ConfigurationError? {
        do {
            _ = try Self.load(toml)
            return nil
        } catch {
            return error
        }
    }

    static let levels = "policy.complaints.service_levels"

    /// Issue 15: the journal exists to make answers durable; without `full` it is refused,
    /// not silently ignored.
    @Test func theJournalWithoutFullDurabilityIsRefused() throws {
        let error = try #require(Self.refusal("[store]\nwrite_path = \"journal\"\ndurability = \"none\""))
        #expect(error.key == "store.write_path")
        #expect(error.message.contains("store.durability"), "\(error.message)")
        #expect(Self.refusal("[store]\nwrite_path = \"journal\"") == nil)
        #expect(try Self.load("").store.writePath == .lmdb, "the default write path is today's")
    }

    @Test func aCheckpointLargerThanASegmentIsRefused() throws {
        let error = try #require(
            Self.refusal("[store]\nwrite_path = \"journal\"\njournal_segment_bytes = \"1MiB\"\ncheckpoint_bytes = \"2MiB\""))
        #expect(error.key == "store.checkpoint_bytes")
    }

    @Test func aLevelThatMustBeResolvedBeforeItIsAnsweredIsRefused() throws {
        let error = try #require(
            Self.refusal("[policy.complaints.service_levels]\nL2 = { respond = \"5h\", resolve = \"2h\" }"))
        #expect(error.key == "\(Self.levels).L2.respond")
        #expect(error.message.contains("\(Self.levels).L2.resolve"), "\(error.message)")
        #expect(error.message.contains("5h") && error.message.contains("2h"), "\(error.message)")
    }

    /// One key changed alone can contradict the default of the other: L1 resolves in 2h.
    @Test func aChangeContradictingTheOtherKeysDefaultIsRefused() throws {
        let error = try #require(Self.refusal("[policy.complaints.service_levels]\nL1 = { respond = \"3h\" }"))
        #expect(error.key == "\(Self.levels).L1.respond")
        #expect(error.message.contains("\(Self.levels).L1.resolve"), "\(error.message)")
    }

    @Test(arguments: [
        // Different units that never contradict: working days only make a clock longer.
        ("24h", "1wd"), ("1d", "24h"), ("60m", "1h"), ("5wd", "5wd"), ("3wd", "5d"), ("4h", "1d"),
    ])
    func clocksThatNeverEndInTheWrongOrderAreAccepted(respond: String, resolve: String) throws {
        let level = "L3 = { respond = \"\(respond)\", resolve = \"\(resolve)\" }"
        #expect(Self.refusal("[policy.complaints.service_levels]\n" + level) == nil)
    }

    @Test(arguments: [("1wd", "24h"), ("2wd", "2d"), ("6d", "5wd"), ("25h", "1d"), ("121m", "2h")])
    func clocksThatEndInTheWrongOrderForSomeStartAreRefused(respond: String, resolve: String) throws {
        let level = "L3 = { respond = \"\(respond)\", resolve = \"\(resolve)\" }"
        #expect(Self.refusal("[policy.complaints.service_levels]\n" + level)?.key == "\(Self.levels).L3.respond")
    }

    /// Three working days end within five calendar days in an ordinary week, but not when a
    /// holiday falls in between: the deadlines come from the calendar, not from converted units.
    @Test func theCalendarsHolidaysDecide() throws {
        let level = "[policy.complaints.service_levels]\nL4 = { respond = \"3wd\", resolve = \"5d\" }\n"
        #expect(Self.refusal(level) == nil)
        // 2026-10-01 is a Thursday: from Tuesday morning three working days end on Monday.
        let error = try #require(Self.refusal(level + "[policy.calendar]\nholidays = [\"2026-10-01\"]\n"))
        #expect(error.key == "\(Self.levels).L4.respond")
        #expect(error.message.contains("2026-09"), "names a start that shows it: \(error.message)")
    }

    /// A working day keeps the local time, so across the change to summer time it lasts 23
    /// hours: "1wd" then ends before "24h" does.
    @Test func daylightSavingChangesAreAmongTheStarts() throws {
        let levels = "[policy.complaints.service_levels]\nL1 = { respond = \"24h\", resolve = \"1wd\" }\n"
        #expect(Self.refusal(levels + "[policy.calendar]\nweekend = []\n") == nil, "Asia/Shanghai has no summer time")
        let berlin = "[policy.calendar]\ntime_zone = \"Europe/Berlin\"\nweekend = []\n"
        let error = try #require(Self.refusal(levels + berlin))
        #expect(error.key == "\(Self.levels).L1.respond")
    }

    /// Clocks are bounded, so that checking them against the calendar stays quick.
    @Test func aClockLongerThanAYearIsRefused() throws {
        let levels = "[policy.complaints.service_levels]\n"
        #expect(Self.refusal(levels + "L4 = { respond = \"5wd\", resolve = \"366wd\" }") == nil)
        let error = try #require(Self.refusal(levels + "L4 = { resolve = \"5000wd\" }"))
        #expect(error.key == "\(Self.levels).L4.resolve")
    }

    @Test func aDayThatIsBothAHolidayAndAMakeUpDayIsRefused() throws {
        let error = try #require(
            Self.refusal("[policy.calendar]\nholidays = [\"2026-10-01\"]\nmake_up_working_days = [\"2026-10-01\"]"))
        #expect(error.key == "policy.calendar.make_up_working_days")
        #expect(error.message.contains("policy.calendar.holidays"), "\(error.message)")
        #expect(error.message.contains("2026-10-01"), "\(error.message)")
    }

    @Test func aBufferCapBelowOneLineIsRefused() throws {
        let error = try #require(Self.refusal("[server]\nmax_line_bytes = \"2MiB\"\nmax_buffered_bytes = \"1MiB\""))
        #expect(error.key == "server.max_buffered_bytes")
        #expect(error.message.contains("server.max_line_bytes"), "\(error.message)")
        #expect(Self.refusal("[server]\nmax_line_bytes = \"2MiB\"\nmax_buffered_bytes = \"2MiB\"") == nil)
    }

    @Test func theMapSizesStayInOrder() throws {
        let error = try #require(Self.refusal("[store]\ninitial_map_size = \"8GiB\"\nmax_map_size = \"1GiB\""))
        #expect(error.key == "store.max_map_size")
        #expect(error.message.contains("store.initial_map_size"))
    }

    /// SIGHUP's reload goes through the same loader: a contradicting file is refused whole and
    /// the running policy stays.
    @Test func aReloadOfAContradictingFileChangesNothing() async throws {
        try await TestStore.with { store, directory in
            let path = directory.appending("dossierd.toml")
            try "[policy.complaints]\ndefault_unit = \"SH\"\n".write(toFile: path, atomically: true, encoding: .utf8)
            let configuration = try ConfigurationLoader.load(path: path, environment: [:])
            store.updatePolicy(configuration.policy)
            let service = ConfigurationReloadService(
                configuration: configuration, path: path, overrides: .init(), store: store,
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            try """
            [policy.complaints]
            default_unit = "BJ"
            [policy.complaints.service_levels]
            L2 = { respond = "5h", resolve = "2h" }
            """.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(service.reload(environment: [:]) == nil)
            #expect(store.policy.complaints.defaultUnit == "SH")
            #expect(store.policy.complaints.l2 == Policy().complaints.l2)
        }
    }
}
