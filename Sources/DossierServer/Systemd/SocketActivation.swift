import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// systemd socket activation (sd_listen_fds(3)): the listening socket arrives as fd 3 when
/// `LISTEN_PID` is this process and `LISTEN_FDS` is at least 1.
public enum SocketActivation {
    /// The first inherited listening descriptor, if systemd passed one to this process.
    /// Clears the variables so that child processes do not take the socket for theirs.
    public static func inheritedListener(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        let fd: Int32 = 3  // SD_LISTEN_FDS_START
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }
}
