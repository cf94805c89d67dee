import DossierCore
import Testing

@testable import DossierServer

@Suite("Configuration changes on reload")
struct ConfigurationChangesTests {
    static func load(_ toml: String) throws -> DossierdConfiguration {
        var configuration = ConfigurationLoader.defaults(environment: [:])
        try ConfigurationLoader.apply(toml: toml, to: &configuration)
        return configuration
    }

    @Test func policyKeysApplyAndOtherKeysNeedARestart() throws {
        let old = try Self.load("")
        let new = try Self.load(
            """
            [server]
            max_in_flight_per_connection = 8
            [store]
            max_batch = 10
            [policy.complaints]
            number_digits = 4
            [policy.complaints.service_levels]
            L1 = { respond = "1h" }
            [policy.calendar]
            holidays = ["2026-10-01"]
            """)
        let changes = ConfigurationChanges.between(old, new)
        #expect(
            changes.applied == [
                "policy.calendar.holidays", "policy.complaints.number_digits",
                "policy.complaints.service_levels.L1.respond",
            ])
        #expect(changes.needRestart == ["server.max_in_flight_per_connection", "store.max_batch"])
    }

    @Test func theSameConfigurationChangesNothing() throws {
        let configuration = try Self.load("[policy.calendar]\nweekend = [7]\n")
        #expect(ConfigurationChanges.between(configuration, configuration).isEmpty)
        #expect(ConfigurationChanges.between(configuration, try Self.load("")).applied == ["policy.calendar.weekend"])
    }
}
