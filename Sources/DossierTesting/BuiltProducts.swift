import Foundation

/// Finds the executables SwiftPM built next to the running test bundle
/// (`.build/<triple>/debug/dossierd`), or in `$DOSSIER_BIN_DIR` when set.
public enum BuiltProducts {
    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["DOSSIER_BIN_DIR"], !override.isEmpty {
            return override
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The test binary lives inside `dossierPackageTests.xctest` (a file on Linux, a bundle elsewhere).
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("dossierd").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }

    public static var dossierd: String { "\(Self.directory)/dossierd" }
    public static var dossier: String { "\(Self.directory)/dossier" }
}
