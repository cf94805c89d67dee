extension ConfigKeys {
    static let log: [ConfigKey] = [
        ConfigKey(
            "log.level", .logLevel, \.logLevel, environment: "DOSSIERD_LOG_LEVEL",
            "Least severe log level written to stderr")
    ]
}
