import DossierCore

/// Reads the `[policy]` tables: every rule's numbers, with DOMAIN.md's defaults.
enum PolicyLoader {
    static func apply(_ section: TOMLSection, to policy: inout Policy) throws(ConfigurationError) {
        let complaints = try section.section("complaints")
        if let value = try complaints.integer("unit_length", in: 1...8) { policy.complaints.unitLength = value }
        if let value = try complaints.string("default_unit") { policy.complaints.defaultUnit = value }
        guard policy.complaints.isValidUnit(policy.complaints.defaultUnit) else {
            throw ConfigurationError(
                key: "policy.complaints.default_unit",
                message: "must be \(policy.complaints.unitLength) capital letters (policy.complaints.unit_length)")
        }
        if let value = try complaints.integer("number_digits", in: 1...9) { policy.complaints.numberDigits = value }

        let levels = try complaints.section("service_levels")
        for level in ComplaintLevel.allCases {
            let table = try levels.section(level.rawValue)
            var serviceLevel = policy.complaints.serviceLevel(for: level)
            if let value = try Self.duration(table, "respond") { serviceLevel.respondWithin = value }
            if let value = try Self.duration(table, "resolve") { serviceLevel.resolveWithin = value }
            switch level {
            case .l1: policy.complaints.l1 = serviceLevel
            case .l2: policy.complaints.l2 = serviceLevel
            case .l3: policy.complaints.l3 = serviceLevel
            case .l4: policy.complaints.l4 = serviceLevel
            }
        }

        let calendar = try section.section("calendar")
        let zone = try calendar.string("time_zone") ?? policy.calendar.timeZoneIdentifier
        let weekend = try calendar.integerArray("weekend", elementsIn: 1...7).map(Set.init) ?? policy.calendar.weekendDays
        let holidays = try Self.dates(calendar, "holidays") ?? policy.calendar.holidays
        let makeUp = try Self.dates(calendar, "make_up_working_days") ?? policy.calendar.makeUpWorkingDays
        guard
            let built = BusinessCalendar(
                timeZone: zone, weekendDays: weekend, holidays: holidays, makeUpWorkingDays: makeUp)
        else {
            throw ConfigurationError(
                key: "policy.calendar.time_zone", message: "must be a time zone such as \"Asia/Shanghai\"")
        }
        guard weekend.count < 7 || !makeUp.isEmpty else {
            throw ConfigurationError(key: "policy.calendar.weekend", message: "must leave at least one working weekday")
        }
        policy.calendar = built
    }

    private static func duration(_ section: TOMLSection, _ name: String) throws(ConfigurationError) -> ServiceDuration? {
        guard let text = try section.string(name) else { return nil }
        guard let duration = ServiceDuration(text) else {
            throw ConfigurationError(
                key: "\(section.path).\(name)", message: "must be a duration such as \"30m\", \"4h\", \"15d\" or \"5wd\"")
        }
        // No complaint waits years; longer clocks would also make every deadline, and the check
        // that responses are due before resolutions (ConfigurationRelations), walk that far.
        guard Self.isAtMostAYear(duration) else {
            throw ConfigurationError(
                key: "\(section.path).\(name)", message: "must be at most a year: 527040m, 8784h, 366d or 366wd")
        }
        return duration
    }

    private static func isAtMostAYear(_ duration: ServiceDuration) -> Bool {
        switch duration {
        case .minutes(let n): return n <= 366 * 24 * 60
        case .hours(let n): return n <= 366 * 24
        case .days(let n), .workingDays(let n): return n <= 366
        }
    }

    private static func dates(_ section: TOMLSection, _ name: String) throws(ConfigurationError) -> Set<LocalDate>? {
        guard let texts = try section.stringArray(name) else { return nil }
        var dates = Set<LocalDate>()
        for text in texts {
            guard let date = LocalDate(text) else {
                throw ConfigurationError(key: "\(section.path).\(name)", message: "\"\(text)\" is not a date like \"2026-10-01\"")
            }
            dates.insert(date)
        }
        return dates
    }
}
