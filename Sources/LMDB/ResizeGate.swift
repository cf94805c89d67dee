#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets any number of transactions run together, or one map resize run alone.
///
/// `mdb_env_set_mapsize` may only be called when this process has no transaction open
/// (lmdb.h). Every transaction holds the gate shared for its lifetime; growing the map takes
/// it exclusively. Writers are preferred so that a steady stream of short reads cannot
/// starve a resize.
///
/// A *long* reader (a hot backup that reads the whole file through one transaction) is the
/// exception: a resize cannot start before it ends, and a resize queued on the writer-preferring
/// lock would block every new short read behind it for that whole time. So a resize first
/// waits, outside the lock, until no long reader holds the gate, and a new long reader waits
/// while a resize is pending (so resizes are not starved either). Short reads never wait for a
/// long one.
final class ResizeGate: @unchecked Sendable {
    // Guard: the pthread rwlock itself; the pointer is allocated once and freed in deinit.
    // `longReaders` and `resizesWaiting` are only touched while holding `longReaderLock`.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>
    private let longReaderLock: UnsafeMutablePointer<pthread_mutex_t>
    private let longReaderChanged: UnsafeMutablePointer<pthread_cond_t>
    private var longReaders = 0
    private var resizesWaiting = 0

    init() {
        self.lock = .allocate(capacity: 1)
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if canImport(Glibc)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        pthread_rwlock_init(self.lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
        self.longReaderLock = .allocate(capacity: 1)
        pthread_mutex_init(self.longReaderLock, nil)
        self.longReaderChanged = .allocate(capacity: 1)
        pthread_cond_init(self.longReaderChanged, nil)
    }

    deinit {
        pthread_rwlock_destroy(self.lock)
        self.lock.deallocate()
        pthread_cond_destroy(self.longReaderChanged)
        self.longReaderChanged.deallocate()
        pthread_mutex_destroy(self.longReaderLock)
        self.longReaderLock.deallocate()
    }

    /// Holds the gate shared for a short transaction.
    func shared<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_rdlock(self.lock)
        defer { pthread_rwlock_unlock(self.lock) }
        return try body()
    }

    /// Holds the gate shared for a transaction that may last long (a copy of the whole file).
    func sharedLong<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        self.withLongReaderLock {
            while self.resizesWaiting > 0 { pthread_cond_wait(self.longReaderChanged, self.longReaderLock) }
            self.longReaders += 1
        }
        defer {
            self.withLongReaderLock {
                self.longReaders -= 1
                pthread_cond_broadcast(self.longReaderChanged)
            }
        }
        return try self.shared(body)
    }

    /// Holds the gate alone: no transaction of this process is open while `body` runs.
    func exclusive<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        self.withLongReaderLock {
            self.resizesWaiting += 1
            while self.longReaders > 0 { pthread_cond_wait(self.longReaderChanged, self.longReaderLock) }
        }
        defer {
            self.withLongReaderLock {
                self.resizesWaiting -= 1
                pthread_cond_broadcast(self.longReaderChanged)
            }
        }
        pthread_rwlock_wrlock(self.lock)
        defer { pthread_rwlock_unlock(self.lock) }
        return try body()
    }

    /// Long readers that hold the gate now.
    var longReaderCount: Int { self.withLongReaderLock { self.longReaders } }

    private func withLongReaderLock<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(self.longReaderLock)
        defer { pthread_mutex_unlock(self.longReaderLock) }
        return body()
    }
}
