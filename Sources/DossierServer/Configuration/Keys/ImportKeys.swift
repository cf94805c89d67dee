extension ConfigKeys {
    static let imports: [ConfigKey] = [
        ConfigKey(
            "import.max_rows_per_request", .integer(1...100_000), \.server.importMaximumRows,
            "Most rows one import.rows request may carry; more are refused with dossier.BadRequest"),
    ]
}
