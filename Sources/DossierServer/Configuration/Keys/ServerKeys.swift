extension ConfigKeys {
    static let server: [ConfigKey] = [
        ConfigKey(
            "server.socket_path", .string(nonEmpty: true), \.server.socketPath, environment: "DOSSIERD_SOCKET",
            "Path of the Unix socket; empty: the built-in default"),
        ConfigKey("server.socket_mode", .fileMode, \.server.socketMode, "Mode of the socket file"),
        ConfigKey(
            "server.socket_group", .string(), \.server.socketGroup,
            "Group given the socket file; empty: the daemon's own"),
        ConfigKey(
            "server.max_line_bytes", .size(1024...(64 << 20)), \.server.maximumLineLength,
            "Longest request line accepted"),
        ConfigKey(
            "server.max_buffered_bytes", .size(1024...(1 << 40)), \.server.maximumBufferedBytes,
            "Most bytes of unfinished request lines held across all connections"),
        ConfigKey(
            "server.max_in_flight_per_connection", .integer(1...10_000), \.server.maximumInFlightPerConnection,
            "Requests of one connection processed at the same time"),
        ConfigKey(
            "server.max_connections", .integer(1...1_000_000), \.server.maximumConnections,
            "Connections served at the same time"),
        ConfigKey(
            "server.idle_timeout_seconds", .integer(0...86_400), \.server.idleTimeoutSeconds,
            "Seconds an idle connection stays open; 0: forever"),
        ConfigKey(
            "server.event_loop_threads", .integer(0...256), \.server.eventLoopThreads,
            "Threads of the network event loop; 0: one per core"),
        ConfigKey(
            "server.shutdown_grace_seconds", .integer(1...3600), \.server.shutdownGraceSeconds,
            "Seconds a graceful stop waits for requests in flight before it closes their connections"),
    ]
}
