import DossierImport
import Foundation

/// The progress line of an import on a terminal: a bar, percent, rows, rows/s and time left,
/// redrawn in place on stderr at most ten times a second. Quiet when stderr is no terminal
/// (a log, a pipe) or with `--json`.
final class ImportProgressBar {
    private var lastDrawn = -1.0
    private let width = 24

    static var isWanted: Bool { isatty(STDERR_FILENO) == 1 }

    func draw(_ progress: ImportProgress) {
        guard progress.seconds - self.lastDrawn >= 0.1 else { return }
        self.lastDrawn = progress.seconds
        let rate = progress.seconds > 0 ? Double(progress.rows) / progress.seconds : 0
        var line = "\(progress.rows) rows, \(Int(rate)) rows/s"
        if progress.totalBytes > 0 {
            let share = min(1, Double(progress.bytesRead) / Double(progress.totalBytes))
            let filled = Int(share * Double(self.width))
            let left = share > 0 ? progress.seconds * (1 - share) / share : 0
            line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: self.width - filled)
                + "] \(Int(share * 100))% " + line + ", ETA " + Self.clock(left)
        }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// Ends the line so that what follows starts on its own.
    func finish() {
        guard self.lastDrawn >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let minutes = total / 60
        let rest = total % 60
        return "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
