import Foundation

/// Builds the LD_PRELOAD shim (`Tools/powercut-shim/powercut-shim.c`) with the system's C
/// compiler: it is not a SwiftPM product, since SwiftPM cannot build a preloadable library of
/// plain C without linking it into something.
public enum PowerCutShim {
    /// The files the shim records, in the order its trace numbers them.
    public static let files = ["data.mdb", "journal.wal"]

    static var source: String {
        // Sources/DossierTesting/PowerCut/PowerCutShim.swift -> the package root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Tools/powercut-shim/powercut-shim.c").path
    }

    /// Compiles the shim into `directory`; returns the library's path.
    public static func build(in directory: String) throws -> String {
        let library = directory + "/powercut-shim.so"
        // Any C compiler on the PATH; the Swift toolchain's own clang will do.
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        let compiler = ["cc", "gcc", "clang"].lazy.flatMap { name in directories.map { "\($0)/\(name)" } }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let compiler else { throw PowerCutError("no C compiler (cc, gcc, clang) to build the power-cut shim") }
        let output = try ProcessRunner.run(
            compiler, ["-shared", "-fPIC", "-O1", "-o", library, Self.source, "-ldl", "-lpthread"])
        guard output.status == 0 else {
            throw PowerCutError("building the power-cut shim failed (\(compiler)): \(output.stderr)")
        }
        return library
    }

    /// The environment that makes a process record its writes to `trace`.
    public static func environment(library: String, trace: String) -> [String: String] {
        ["LD_PRELOAD": library, "POWERCUT_TRACE": trace, "POWERCUT_FILES": Self.files.joined(separator: ":")]
    }
}
