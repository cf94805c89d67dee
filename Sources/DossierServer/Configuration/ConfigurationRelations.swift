import DossierCore

/// Values that are each valid alone but must agree with one another. A configuration that
/// contradicts itself is refused like any invalid value: at start (exit 78), by
/// `dossierd --check-config`, and on reload (refused whole, the running values stay). The
/// error names the key that was checked and, in its message, the key it contradicts.
enum ConfigurationRelations {
    static func check(_ configuration: DossierdConfiguration) throws(ConfigurationError) {
        let server = configuration.server
        guard server.maximumBufferedBytes >= server.maximumLineLength else {
            throw ConfigurationError(
                key: "server.max_buffered_bytes",
                message: "must not be smaller than server.max_line_bytes (\(server.maximumLineLength)): "
                    + "a line of the longest length could never be read")
        }
        let store = configuration.store
        guard store.maximumMapSize >= store.initialMapSize else {
            throw ConfigurationError(
                key: "store.max_map_size", message: "must not be smaller than store.initial_map_size")
        }
        if store.writePath == .journal {
            guard store.durability == .full else {
                throw ConfigurationError(
                    key: "store.write_path",
                    message: "\"journal\" needs store.durability \"full\" (it is \"\(store.durability.rawValue)\"): "
                        + "the journal exists to make every answer durable")
            }
            guard store.checkpointBytes <= store.journalSegmentBytes else {
                throw ConfigurationError(
                    key: "store.checkpoint_bytes",
                    message: "must not be larger than store.journal_segment_bytes (\(store.journalSegmentBytes)): "
                        + "a checkpoint must start before a segment fills")
            }
        }
        let complaints = configuration.policy.complaints
        guard complaints.isValidUnit(complaints.defaultUnit) else {
            throw ConfigurationError(
                key: "policy.complaints.default_unit",
                message: "must be \(complaints.unitLength) capital letters (policy.complaints.unit_length)")
        }
        try Self.checkCalendar(configuration.policy.calendar)
        try Self.checkServiceLevels(configuration.policy)
        try Self.checkComplaintPolicy(configuration.policy.complaints)
        try Self.checkCreditPolicy(configuration.policy)
    }

    /// A day cannot be both off and worked, and some day must be worked.
    private static func checkCalendar(_ calendar: BusinessCalendar) throws(ConfigurationError) {
        guard calendar.weekendDays.count < 7 || !calendar.makeUpWorkingDays.isEmpty else {
            throw ConfigurationError(key: "policy.calendar.weekend", message: "must leave at least one working weekday")
        }
        let both = calendar.holidays.intersection(calendar.makeUpWorkingDays).sorted()
        guard both.isEmpty else {
            throw ConfigurationError(
                key: "policy.calendar.make_up_working_days",
                message: "\(both.map(\.description).joined(separator: ", ")) \(both.count == 1 ? "is" : "are") also in "
                    + "policy.calendar.holidays: "
                    + "a day is either a holiday or a make-up working day")
        }
    }

    /// A complaint must not be due for a response after it is due to be resolved.
    private static func checkServiceLevels(_ policy: Policy) throws(ConfigurationError) {
        guard let (level, start) = policy.complaints.levelRespondingAfterResolving(on: policy.calendar) else { return }
        let serviceLevel = policy.complaints.serviceLevel(for: level)
        let keys = "policy.complaints.service_levels.\(level.rawValue)"
        let respondBy = policy.calendar.deadline(from: start, after: serviceLevel.respondWithin)
        let resolveBy = policy.calendar.deadline(from: start, after: serviceLevel.resolveWithin)
        throw ConfigurationError(
            key: "\(keys).respond",
            message: "\"\(serviceLevel.respondWithin)\" ends after \(keys).resolve "
                + "(\"\(serviceLevel.resolveWithin)\"): a complaint received at \(start) would be due for a "
                + "response at \(respondBy) but resolved by \(resolveBy); the response must not be due later than "
                + "the resolution")
    }
}
