/// Columns aligned for a terminal, counting East Asian wide characters (Chinese labels) as two.
struct TextTable {
    var headers: [String]
    var rows: [[String]]

    func render() -> String {
        var widths = self.headers.map(Self.displayWidth)
        for row in self.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                parts.append(isLast ? cell : cell + String(repeating: " ", count: widths[index] - Self.displayWidth(cell)))
            }
            return parts.joined(separator: "  ")
        }
        return ([line(self.headers)] + self.rows.map(line)).joined(separator: "\n")
    }

    /// Key-value lines with aligned values, for one record.
    static func details(_ pairs: [(String, String)]) -> String {
        let width = pairs.map { Self.displayWidth($0.0) }.max() ?? 0
        return pairs.map { key, value in
            key + String(repeating: " ", count: width - Self.displayWidth(key)) + "  " + value
        }.joined(separator: "\n")
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return width + 2
            case 0x0300...0x036F, 0x200B...0x200F:
                return width
            default:
                return width + 1
            }
        }
    }
}
