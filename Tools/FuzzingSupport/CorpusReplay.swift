import Foundation

/// What a libFuzzer target does when it is built without libFuzzer (a plain `swift build`):
/// it runs the same test function over the files it is given (a directory: every file in it),
/// so the seed corpus and any crash file replay as regression tests.
public enum CorpusReplay {
    /// Runs `body` on each input file named in `arguments` (the program name excluded) and
    /// prints how many ran. Exits with status 2 when an argument names nothing readable.
    public static func run(arguments: [String], _ body: ([UInt8]) -> Void) {
        guard !arguments.isEmpty else {
            print("usage: \(CommandLine.arguments.first ?? "fuzz") FILE|DIRECTORY...")
            print("Built without -DFUZZING: replays the given inputs. See docs/FUZZING.md for the libFuzzer build.")
            exit(2)
        }
        var count = 0
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                print("no such file or directory: \(argument)")
                exit(2)
            }
            let files: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files = names.sorted().map { "\(argument)/\($0)" }
            } else {
                files = [argument]
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs: no failure")
    }
}
