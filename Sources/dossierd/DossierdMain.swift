#if canImport(Glibc)
import Glibc
#endif

/// The entry point of `dossierd`.
@main
enum DossierdMain {
    static func main() async {
        // SIGHUP's default action ends the process, and the reload service takes SIGHUP over
        // only once the daemon runs. Before that the daemon reads its config and opens and
        // verifies its log (with verify_on_start = "full", a second per million events): a
        // SIGHUP then, from an early `systemctl reload` or a log rotation script, killed it
        // with status 129. Ignored from here on: a reload asked for before the daemon is ready
        // is lost (the file was read at start; send SIGHUP again if it changed since).
        signal(SIGHUP, SIG_IGN)
        await Dossierd.main()
    }
}
