import DossierCore

extension ConfigKeys {
    /// `[policy.calendar]`: the business calendar working-day clocks count in.
    static let calendarPolicy: [ConfigKey] = [
        ConfigKey(
            "policy.calendar.time_zone", .string(), reload: .applies,
            "Time zone of the institution (an IANA name)",
            get: { $0.policy.calendar.timeZoneIdentifier },
            set: { configuration, zone throws(ConfigurationError) in
                let calendar = configuration.policy.calendar
                guard
                    let rebuilt = BusinessCalendar(
                        timeZone: zone, weekendDays: calendar.weekendDays, holidays: calendar.holidays,
                        makeUpWorkingDays: calendar.makeUpWorkingDays, workingHours: calendar.workingHours)
                else {
                    throw ConfigurationError(
                        key: "policy.calendar.time_zone", message: "must be a time zone such as \"Asia/Shanghai\"")
                }
                configuration.policy.calendar = rebuilt
            }),
        ConfigKey(
            "policy.calendar.weekend", .integers(1...7), \.policy.calendar.weekendDays, reload: .applies,
            "ISO weekdays that are off: Monday 1 ... Sunday 7"),
        ConfigKey(
            "policy.calendar.holidays", .dates, \.policy.calendar.holidays, reload: .applies,
            "Public holidays (days off)"),
        ConfigKey(
            "policy.calendar.make_up_working_days", .dates, \.policy.calendar.makeUpWorkingDays, reload: .applies,
            "Make-up working days (调休): worked although on a weekend"),
        ConfigKey(
            "policy.calendar.working_hours", .workingHours, \.policy.calendar.workingHours, reload: .applies,
            "The hours of a working day that working-hour clocks (wh) count, as \"HH:mm-HH:mm\" spans"),
    ]
}

extension ConfigValue where Value == WorkingHours {
    static let workingHours = ConfigValue(
        description: "array of \"HH:mm-HH:mm\" spans",
        read: { section, name throws(ConfigurationError) in
            guard let texts = try section.stringArray(name) else { return nil }
            guard let hours = WorkingHours(texts) else {
                throw ConfigurationError(
                    key: section.key(name),
                    message: "must be at least one span such as \"09:00-12:00\", in order and not overlapping")
            }
            return hours
        },
        render: { "[" + $0.texts.map { "\"\($0)\"" }.joined(separator: ", ") + "]" })
}
