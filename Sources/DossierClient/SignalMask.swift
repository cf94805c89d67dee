#if canImport(Glibc)
import Glibc
#endif

/// The signal mask the client runs with.
public enum SignalMask {
    /// Unblocks every signal. A process inherits its parent's mask across exec, and parents
    /// that handle signals on a thread of their own (test runners, daemons) block them
    /// elsewhere; `dossier export --follow` started by one would then never see the SIGTERM
    /// or SIGINT meant to end it and would follow forever.
    public static func unblockAll() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
    }
}
