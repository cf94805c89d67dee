import DossierCore

extension LocalDate {
    /// Four bytes that sort as the days do (days before 1970 too): the leading part of index
    /// keys by date (reviews due, limits expiring), so a scan from a day finds the later ones.
    var sortableKey: [UInt8] {
        let biased = UInt32(bitPattern: Int32(clamping: self.daysSince1970)) ^ 0x8000_0000
        return withUnsafeBytes(of: biased.bigEndian) { Array($0) }
    }

    /// The day whose `sortableKey` starts `bytes`.
    init?(sortableKey bytes: some Collection<UInt8>) {
        guard bytes.count >= 4 else { return nil }
        let biased = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        self.init(daysSince1970: Int(Int32(bitPattern: biased ^ 0x8000_0000)))
    }
}
