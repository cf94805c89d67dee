import DossierCore
import DossierProtocol
import DossierStore

/// The effective configuration as TOML-like lines, for `dossierd --check-config`.
public enum ConfigurationReport {
    /// With `sources`, each value line ends in a comment naming where the value came from.
    public static func render(_ configuration: DossierdConfiguration, sources: ConfigurationSources? = nil) -> String {
        let lines = Self.lines(configuration)
        guard let sources else { return lines.joined(separator: "\n") }
        var section = ""
        let width = lines.map(\.count).max() ?? 0
        return lines.map { line in
            if line.hasPrefix("[") {
                section = String(line.dropFirst().dropLast())
                return line
            }
            guard let equals = line.range(of: " = ") else { return line }
            let key = section + "." + line[..<equals.lowerBound]
            return line + String(repeating: " ", count: width - line.count + 2) + "# " + sources.source(of: key)
        }.joined(separator: "\n")
    }

    private static func lines(_ configuration: DossierdConfiguration) -> [String] {
        let server = configuration.server
        let store = configuration.store
        let complaints = configuration.policy.complaints
        let calendar = configuration.policy.calendar
        var lines = [
            "[server]",
            "socket_path = \"\(server.socketPath)\"",
            "socket_mode = \"0\(String(server.socketMode, radix: 8))\"",
            "socket_group = \"\(server.socketGroup)\"",
            "max_line_bytes = \(server.maximumLineLength)",
            "max_buffered_bytes = \(server.maximumBufferedBytes)",
            "max_in_flight_per_connection = \(server.maximumInFlightPerConnection)",
            "max_connections = \(server.maximumConnections)",
            "idle_timeout_seconds = \(server.idleTimeoutSeconds)",
            "event_loop_threads = \(server.eventLoopThreads)",
            "shutdown_grace_seconds = \(server.shutdownGraceSeconds)",
            "",
            "[store]",
            "data_dir = \"\(store.dataDirectory)\"",
            "initial_map_size = \"\(ByteSize.format(store.initialMapSize))\"",
            "max_map_size = \"\(ByteSize.format(store.maximumMapSize))\"",
            "max_batch = \(store.maximumBatchSize)",
            "max_readers = \(store.maximumReaders)",
            "durability = \"\(store.durability.rawValue)\"",
            "sync_interval_ms = \(store.syncIntervalMilliseconds)",
            "verify_on_start = \"\(store.verifyOnStart.rawValue)\"",
            "",
            "[access]",
            "users = \(Self.roles(server.access.users))",
            "groups = \(Self.roles(server.access.groups))",
            "unknown = \"\(server.access.unknown?.rawValue ?? "none")\"",
            "root_is_admin = \(server.access.rootIsAdmin)",
            "daemon_user_is_admin = \(server.access.daemonUserIsAdmin)",
            "",
            "[log]",
            "level = \"\(configuration.logLevel.rawValue)\"",
            "",
            "[policy.complaints]",
            "default_unit = \"\(complaints.defaultUnit)\"",
            "unit_length = \(complaints.unitLength)",
            "number_digits = \(complaints.numberDigits)",
            "",
            "[policy.complaints.service_levels]",
        ]
        for level in ComplaintLevel.allCases {
            let serviceLevel = complaints.serviceLevel(for: level)
            lines.append(
                "\(level.rawValue) = { respond = \"\(serviceLevel.respondWithin)\", resolve = \"\(serviceLevel.resolveWithin)\" }")
        }
        lines += [
            "",
            "[policy.calendar]",
            "time_zone = \"\(calendar.timeZoneIdentifier)\"",
            "weekend = [\(calendar.weekendDays.sorted().map(String.init).joined(separator: ", "))]",
            "holidays = [\(calendar.holidays.sorted().map { "\"\($0)\"" }.joined(separator: ", "))]",
            "make_up_working_days = [\(calendar.makeUpWorkingDays.sorted().map { "\"\($0)\"" }.joined(separator: ", "))]",
        ]
        return lines
    }

    /// `{ "1001" = "clerk" }`: names were resolved to numbers when the file was loaded.
    private static func roles(_ roles: [UInt32: Role]) -> String {
        if roles.isEmpty { return "{}" }
        return "{ " + roles.sorted { $0.key < $1.key }.map { "\"\($0.key)\" = \"\($0.value.rawValue)\"" }
            .joined(separator: ", ") + " }"
    }
}
