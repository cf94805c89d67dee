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
                        makeUpWorkingDays: calendar.makeUpWorkingDays)
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
    ]
}
