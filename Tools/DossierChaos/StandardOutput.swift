#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Makes standard output line-buffered, so that a run's progress shows as it happens also when
/// it goes to a file or a pipe. Call it first, before other threads print.
public func lineBufferStandardOutput() {
    setvbuf(stdout, nil, _IOLBF, 0)
}
