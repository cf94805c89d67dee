import DossierFoundation

/// Reads values the way they come out of files that passed through a spreadsheet: dates in the
/// shapes Excel and LibreOffice write (`2020/3/18`, `3/18/2020`, `2020-03-18 00:00:00`),
/// numbers in scientific or grouped form (`5e+05`, `1,200,000.00`), ZIP codes that lost their
/// leading zeros (`2134` for 02134), yes/no words.
public enum SpreadsheetValues {
    /// How to read a date whose day and month are both numbers up to 12 (`3/4/2020`).
    public enum DayOrder: String, Sendable, Hashable, CaseIterable {
        /// 3/4/2020 is 4 March (US files, such as CFPB's).
        case monthFirst = "month_first"
        /// 3/4/2020 is 3 April.
        case dayFirst = "day_first"
    }

    /// A calendar date from `2020-03-18`, `2020/3/18`, `2020.3.18`, `20200318`, `3/18/2020`,
    /// `18.03.2020`, `3/18/20`, with or without a time after a space or `T`; nil otherwise.
    /// A first number over 12 makes the order plain whatever `order` says.
    public static func date(_ text: String, order: DayOrder = .monthFirst) -> LocalDate? {
        var text = text.trimmingWhitespace()
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<cut]) }
        if text.count == 8, text.allSatisfy(\.isASCIIDigit), let number = Int(text) {
            return LocalDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        }
        let separators: Set<Character> = ["-", "/", "."]
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 { return LocalDate(year: a, month: b, day: c) }
        let year = parts[2].count == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c
        guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
        let dayFirst = a > 12 || (order == .dayFirst && b <= 12)
        return dayFirst ? LocalDate(year: year, month: b, day: a) : LocalDate(year: year, month: a, day: b)
    }

    /// An exact decimal from `20000`, `20000.0`, `5e+05`, `1.5E3`, `1,200,000.50`, `-3`, `$20`;
    /// nil for anything else, or more than four fraction digits that are not zeros.
    public static func decimal(_ text: String) -> ExactDecimal? {
        var text = text.trimmingWhitespace()
        if text.hasPrefix("$") || text.hasPrefix("¥") || text.hasPrefix("€") { text.removeFirst() }
        text.removeAll { $0 == "," || $0 == "_" }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(text[text.index(after: e)...].drop { $0 == "+" }), abs(value) <= 30 else { return nil }
            exponent = value
            text = String(text[..<e])
        }
        let negative = text.hasPrefix("-")
        if negative || text.hasPrefix("+") { text.removeFirst() }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            !(pieces[0].isEmpty && (pieces.count == 1 || pieces[1].isEmpty))
        else { return nil }
        var digits = String(pieces[0]) + (pieces.count == 2 ? String(pieces[1]) : "")
        var point = pieces[0].count + exponent
        if point < 0 {
            digits = String(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var whole = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while fraction.last == "0" { fraction.removeLast() }
        if whole.isEmpty { whole = "0" }
        guard fraction.count <= ExactDecimal.fractionDigits else { return nil }
        return ExactDecimal((negative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction))
    }

    /// A whole number, also when written `2.0` or `5e+05`.
    public static func integer(_ text: String) -> Int? {
        guard let value = Self.decimal(text), value.tenThousandths % 10_000 == 0 else { return nil }
        return Int(value.tenThousandths / 10_000)
    }

    /// A US ZIP code with the leading zeros a spreadsheet dropped put back (`2134` -> `02134`,
    /// `2134.0` -> `02134`); masked (`021XX`) and ZIP+4 codes stay as they are.
    public static func zip(_ text: String) -> String {
        let text = text.trimmingWhitespace()
        if let number = Self.integer(text), (0..<100_000).contains(number), text.first?.isASCIIDigit == true {
            let digits = String(number)
            return String(repeating: "0", count: 5 - digits.count) + digits
        }
        return text
    }

    /// true for yes, y, true, 1; false for no, n, false, 0; nil for anything else (`N/A`, empty).
    public static func bool(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { self.isASCII && self.isNumber }
}
