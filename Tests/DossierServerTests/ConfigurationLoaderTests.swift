import DossierCore
import DossierStore
import Foundation
import Testing

@testable import DossierServer

@Suite("Configuration")
struct ConfigurationLoaderTests {
    static let environment = ["HOME": "/home/test", "XDG_RUNTIME_DIR": "/run/user/1000"]

    static var exampleConfigPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/dossierd.toml").path
    }

    @Test func theExampleConfigSpellsOutTheDefaults() throws {
        let loaded = try ConfigurationLoader.load(path: Self.exampleConfigPath, environment: Self.environment)
        #expect(loaded == ConfigurationLoader.defaults(environment: Self.environment))
    }

    /// Every key of the table is written out, with its default, in config/dossierd.toml (where
    /// it is documented), and the file holds no other key.
    @Test func theExampleConfigHasEveryKeyOfTheTable() throws {
        let text = try String(contentsOfFile: Self.exampleConfigPath, encoding: .utf8)
        var configuration = ConfigurationLoader.defaults(environment: Self.environment)
        let present = Set(try ConfigurationLoader.apply(toml: text, to: &configuration))
        let declared = Set(ConfigKeys.all.map(\.key))
        #expect(declared.subtracting(present).isEmpty, "not in config/dossierd.toml: \(declared.subtracting(present).sorted())")
        for key in ConfigKeys.all {
            #expect(!key.summary.isEmpty && !key.valueDescription.isEmpty, "\(key.key)")
            // Each key is documented in a comment that names its default; an array of tables
            // may be written as `[[section.name]]` tables.
            #expect(text.contains("\(key.name) =") || text.contains("[[\(key.key)]]"), "\(key.key)")
        }
        #expect(ConfigKeys.byKey.count == ConfigKeys.all.count, "a key is declared twice")
    }

    @Test func theKeyListNamesEveryKeyWithItsDefault() {
        let list = ConfigurationReport.keys(defaults: ConfigurationLoader.defaults(environment: Self.environment))
        for key in ConfigKeys.all { #expect(list.contains(key.key + "  ("), "\(key.key)") }
        #expect(list.contains("store.durability  (one of full, meta_async, none; default \"full\"; needs a restart)"))
        #expect(list.contains("env DOSSIERD_DATA_DIR"))
    }

    @Test func fileValuesOverrideDefaults() throws {
        var configuration = ConfigurationLoader.defaults(environment: Self.environment)
        try ConfigurationLoader.apply(
            toml: """
                [server]
                max_line_bytes = "2MiB"
                socket_mode = "0600"
                [store]
                durability = "meta_async"
                initial_map_size = "128MiB"
                [policy.complaints]
                default_unit = "SH"
                number_digits = 4
                [policy.complaints.service_levels]
                L1 = { respond = "15m", resolve = "1h" }
                [policy.calendar]
                holidays = ["2026-10-01", "2026-10-02"]
                make_up_working_days = ["2026-09-27"]
                """, to: &configuration)
        #expect(configuration.server.maximumLineLength == 2 << 20)
        #expect(configuration.server.socketMode == 0o600)
        #expect(configuration.store.durability == .metaAsync)
        #expect(configuration.store.initialMapSize == 128 << 20)
        #expect(configuration.policy.complaints.defaultUnit == "SH")
        #expect(configuration.policy.complaints.numberDigits == 4)
        // A level's table may leave keys out: the temporary-measure clock keeps its default.
        #expect(
            configuration.policy.complaints.l1
                == ServiceLevel(respondWithin: .minutes(15), resolveWithin: .hours(1), temporaryMeasureWithin: .workingHours(8)))
        #expect(configuration.policy.complaints.l2 == Policy().complaints.l2)
        #expect(configuration.policy.calendar.holidays == [LocalDate("2026-10-01")!, LocalDate("2026-10-02")!])
        #expect(configuration.policy.calendar.isWorkingDay(LocalDate("2026-09-27")!))
    }

    @Test(arguments: [
        ("[server]\nmax_line_bytes = 10", "server.max_line_bytes"),
        ("[server]\nsocket_mode = \"rw\"", "server.socket_mode"),
        ("[store]\ndurability = \"sometimes\"", "store.durability"),
        ("[store]\nmax_batch = 0", "store.max_batch"),
        ("[store]\ninitial_map_size = \"8GiB\"\nmax_map_size = \"1GiB\"", "store.max_map_size"),
        ("[log]\nlevel = \"loud\"", "log.level"),
        ("[policy.complaints]\ndefault_unit = \"hq\"", "policy.complaints.default_unit"),
        ("[policy.complaints.service_levels]\nL3 = { respond = \"soon\" }", "policy.complaints.service_levels.L3.respond"),
        ("[policy.calendar]\ntime_zone = \"Mars/Olympus\"", "policy.calendar.time_zone"),
        ("[policy.calendar]\nholidays = [\"2026-13-01\"]", "policy.calendar.holidays"),
        ("[policy.calendar]\nweekend = [0]", "policy.calendar.weekend"),
        ("[server]\nsocket_pth = \"/tmp/x\"", "server.socket_pth"),
        ("[sever]\nsocket_path = \"/tmp/x\"", "sever"),
        ("server = 5", "server"),
    ])
    func anInvalidValueNamesItsKey(toml: String, key: String) throws {
        var configuration = ConfigurationLoader.defaults(environment: Self.environment)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.apply(toml: toml, to: &configuration) }
        do {
            try ConfigurationLoader.apply(toml: toml, to: &configuration)
        } catch {
            #expect(error.key == key)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func brokenTOMLIsReportedWithItsLine() throws {
        var configuration = ConfigurationLoader.defaults(environment: Self.environment)
        #expect {
            try ConfigurationLoader.apply(toml: "[server]\nmax_line_bytes = = 3", to: &configuration)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("line 2") == true
        }
    }

    @Test func flagsBeatEnvironmentBeatFile() throws {
        let directory = NSTemporaryDirectory() + "dossier-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/dossierd.toml"
        try "[server]\nsocket_path = \"/from/file.sock\"\n[store]\ndata_dir = \"/from/file\"\n"
            .write(toFile: path, atomically: true, encoding: .utf8)

        let fileOnly = try ConfigurationLoader.load(path: path, environment: Self.environment)
        #expect(fileOnly.server.socketPath == "/from/file.sock")
        #expect(fileOnly.store.dataDirectory == "/from/file")

        var environment = Self.environment
        environment["DOSSIERD_SOCKET"] = "/from/env.sock"
        environment["DOSSIERD_DATA_DIR"] = "/from/env"
        let withEnvironment = try ConfigurationLoader.load(path: path, environment: environment)
        #expect(withEnvironment.server.socketPath == "/from/env.sock")
        #expect(withEnvironment.store.dataDirectory == "/from/env")

        let withFlags = try ConfigurationLoader.load(
            path: path, environment: environment,
            overrides: .init(socketPath: "/from/flag.sock", dataDirectory: "/from/flag", logLevel: "debug"))
        #expect(withFlags.server.socketPath == "/from/flag.sock")
        #expect(withFlags.store.dataDirectory == "/from/flag")
        #expect(withFlags.logLevel == .debug)
    }

    @Test func checkConfigNamesTheSourceOfEveryValue() throws {
        let directory = NSTemporaryDirectory() + "dossier-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/dossierd.toml"
        try "[store]\nmax_batch = 500\n[policy.complaints.service_levels]\nL2 = { resolve = \"1d\" }\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var environment = Self.environment
        environment["DOSSIERD_DATA_DIR"] = "/from/env"
        let (configuration, sources) = try ConfigurationLoader.loadWithSources(
            path: path, environment: environment, overrides: .init(socketPath: "/from/flag.sock"))
        #expect(sources.source(of: "store.max_batch") == "file \(path)")
        #expect(sources.source(of: "policy.complaints.service_levels.L2.resolve") == "file \(path)")
        #expect(sources.source(of: "policy.complaints.service_levels.L2.respond") == "default")
        #expect(sources.source(of: "store.data_dir") == "env DOSSIERD_DATA_DIR")
        #expect(sources.source(of: "server.socket_path") == "flag --socket")
        #expect(sources.source(of: "server.max_line_bytes") == "default")
        let report = ConfigurationReport.render(configuration, sources: sources)
        #expect(report.contains("max_batch = 500"))
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.first { $0.hasPrefix("max_batch") }?.hasSuffix("# file \(path)") == true)
        let l2 = try #require(lines.firstIndex(of: "[policy.complaints.service_levels.L2]"))
        #expect(lines[(l2 + 1)...].first { $0.hasPrefix("resolve =") }?.hasSuffix("# file \(path)") == true)
        #expect(lines[(l2 + 1)...].first { $0.hasPrefix("respond =") }?.hasSuffix("# default") == true)
        #expect(lines.first { $0.hasPrefix("socket_path") }?.hasSuffix("# flag --socket") == true)
        // The annotated report is still a config file that loads to the same values.
        var reloaded = ConfigurationLoader.defaults(environment: Self.environment)
        try ConfigurationLoader.apply(toml: report, to: &reloaded)
        #expect(reloaded == configuration)
    }

    @Test func aMissingFileIsAClearError() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(path: "/nonexistent/dossierd.toml", environment: Self.environment)
        }
    }

    @Test func theReportRoundTripsThroughTheLoader() throws {
        var configuration = ConfigurationLoader.defaults(environment: Self.environment)
        configuration.policy.complaints.l4 = ServiceLevel(respondWithin: .workingDays(3), resolveWithin: .days(20))
        configuration.store.durability = .metaAsync
        var reloaded = ConfigurationLoader.defaults(environment: Self.environment)
        try ConfigurationLoader.apply(toml: ConfigurationReport.render(configuration), to: &reloaded)
        #expect(reloaded == configuration)
    }
}
