extension BusinessCalendar {
    /// A short fingerprint of everything that decides a deadline on this calendar (zone,
    /// weekend, holidays, make-up days, working hours), e.g. `cal-3f9a0c1e22b7d405`.
    ///
    /// Events that set deadlines record it, so that an auditor can tell after a reload which
    /// calendar produced them: `dossierd --check-config` prints the running one. FNV-1a (64 bit)
    /// over the canonical text, stable across builds and platforms (unlike `Hasher`).
    public var version: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in self.canonicalText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "cal-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The calendar as one line of text, in a fixed order.
    public var canonicalText: String {
        "zone=\(self.timeZoneIdentifier);weekend=\(self.weekendDays.sorted().map(String.init).joined(separator: ","))"
            + ";holidays=\(self.holidays.sorted().map(\.description).joined(separator: ","))"
            + ";makeup=\(self.makeUpWorkingDays.sorted().map(\.description).joined(separator: ","))"
            + ";hours=\(self.workingHours.texts.joined(separator: ","))"
    }
}
