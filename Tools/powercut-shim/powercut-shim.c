// powercut-shim: an LD_PRELOAD library that records every write and flush a process makes to
// the files a power-cut test watches, so that the test can rebuild those files as a power cut
// at any point would have left them (see Sources/DossierTesting/PowerCut/).
//
// Why a shim and not strace: the trace must hold the written bytes and a clock shared with
// the test's clients (CLOCK_MONOTONIC), to tell which answers came before a cut.
//
// Environment:
//   POWERCUT_TRACE  file the trace is appended to (required; nothing is recorded without it)
//   POWERCUT_FILES  colon-separated base names to watch (default "data.mdb:journal.wal")
//   POWERCUT_LENGTHS_ONLY  when set, writes are recorded without their bytes: a trace for
//                  counting what a process writes (bytes per event), not for rebuilding files
//
// Trace: records of  kind (u8: 1 write, 2 flush, 3 truncate), file (u8: index in
// POWERCUT_FILES), offset (u64), length (u64; new size for truncate), time (u64 ns,
// CLOCK_MONOTONIC, taken under the trace lock, so records are in time order), then `length`
// bytes for a write. All little-endian. A write through a descriptor opened with O_SYNC or
// O_DSYNC is followed by a flush record. Records are written under one lock, in the order
// the calls returned, each after its call succeeded, so a record's time is after its effect.
//
// Shared writable mappings of a watched file (LMDB's MDB_WRITEMAP) change the file with no
// write call: the kernel writes a changed page back whenever it likes, and msync makes them
// durable. The shim keeps a copy of each such mapping and records every page that differs
// from it as a write of that page (updating the copy) before each flush of a watched file,
// at msync and at munmap. So a page changed in memory appears in the trace no later than the
// first flush that could have made it durable, and a cut before that flush keeps, drops or
// tears it: what writeback at any moment may have done. Stores the process made after its
// last such point are not in the trace, as if never written back (it was killed there).
//
// Build: cc -shared -fPIC -O1 -o powercut-shim.so powercut-shim.c -ldl -lpthread
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_FD 4096
#define MAX_FILES 8
#define MAX_MAPPINGS 16

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int trace_fd = -1;
static int initialised = 0;
static char watched[MAX_FILES][64];
static int watched_count = 0;
static int lengths_only = 0;
// Per descriptor: watched file index + 1 (0: not watched), and whether writes are synchronous.
static unsigned char fd_file[MAX_FD];
static unsigned char fd_sync[MAX_FD];

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate)(int, off_t);
static off_t (*real_lseek)(int, off_t, int);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static void *(*real_mmap64)(void *, size_t, int, int, int, off_t);
static int (*real_munmap)(void *, size_t);
static int (*real_msync)(void *, size_t, int);

// A shared writable mapping of a watched file, and the copy its changes are found against.
struct mapping {
    char *address;
    size_t length;
    uint64_t offset;
    int file;
    unsigned char *copy;
};
static struct mapping mappings[MAX_MAPPINGS];

static void init(void) {
    if (initialised) return;
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite = dlsym(RTLD_NEXT, "pwrite");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_pwritev = dlsym(RTLD_NEXT, "pwritev");
    real_open = dlsym(RTLD_NEXT, "open");
    real_open64 = dlsym(RTLD_NEXT, "open64");
    real_openat = dlsym(RTLD_NEXT, "openat");
    real_close = dlsym(RTLD_NEXT, "close");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
    real_lseek = dlsym(RTLD_NEXT, "lseek");
    real_mmap = dlsym(RTLD_NEXT, "mmap");
    real_mmap64 = dlsym(RTLD_NEXT, "mmap64");
    real_munmap = dlsym(RTLD_NEXT, "munmap");
    real_msync = dlsym(RTLD_NEXT, "msync");
    const char *files = getenv("POWERCUT_FILES");
    if (!files) files = "data.mdb:journal.wal";
    char copy[512];
    strncpy(copy, files, sizeof copy - 1);
    copy[sizeof copy - 1] = 0;
    for (char *name = strtok(copy, ":"); name && watched_count < MAX_FILES; name = strtok(NULL, ":")) {
        strncpy(watched[watched_count], name, 63);
        watched[watched_count++][63] = 0;
    }
    lengths_only = getenv("POWERCUT_LENGTHS_ONLY") != NULL;
    const char *path = getenv("POWERCUT_TRACE");
    if (path) trace_fd = real_open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    initialised = 1;
}

// Before main, while the process has one thread: `init` itself is not thread-safe.
__attribute__((constructor)) static void init_early(void) { init(); }

static uint64_t now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void put_all(const void *bytes, size_t length) {
    const char *p = bytes;
    while (length > 0) {
        ssize_t n = real_write(trace_fd, p, length);
        if (n <= 0) return;
        p += n;
        length -= (size_t)n;
    }
}

// Call with `lock` held.
static void record_header(int kind, int file, uint64_t offset, uint64_t length) {
    unsigned char header[26];
    uint64_t time = now();
    header[0] = (unsigned char)kind;
    header[1] = (unsigned char)file;
    memcpy(header + 2, &offset, 8);
    memcpy(header + 10, &length, 8);
    memcpy(header + 18, &time, 8);
    put_all(header, sizeof header);
}

static int watched_file(int fd) { return (fd >= 0 && fd < MAX_FD && trace_fd >= 0) ? fd_file[fd] - 1 : -1; }

static void note_open(int fd, const char *path, int flags) {
    if (fd < 0 || fd >= MAX_FD || !path) return;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    fd_file[fd] = 0;
    for (int i = 0; i < watched_count; i++) {
        if (strcmp(base, watched[i]) == 0) {
            fd_file[fd] = (unsigned char)(i + 1);
            fd_sync[fd] = (flags & (O_SYNC | O_DSYNC)) ? 1 : 0;
        }
    }
}

static void record_iov(int fd, const struct iovec *iov, int count, uint64_t offset, ssize_t written) {
    int file = watched_file(fd);
    if (file < 0 || written <= 0) return;
    pthread_mutex_lock(&lock);
    record_header(1, file, offset, (uint64_t)written);
    size_t left = lengths_only ? 0 : (size_t)written;
    for (int i = 0; i < count && left > 0; i++) {
        size_t part = iov[i].iov_len < left ? iov[i].iov_len : left;
        put_all(iov[i].iov_base, part);
        left -= part;
    }
    if (fd_sync[fd]) record_header(2, file, 0, 0);
    pthread_mutex_unlock(&lock);
}

static void record_write(int fd, const void *bytes, uint64_t offset, ssize_t written) {
    struct iovec one = {(void *)bytes, written > 0 ? (size_t)written : 0};
    record_iov(fd, &one, 1, offset, written);
}

static void record_plain(int fd, int kind, uint64_t value, int result) {
    int file = watched_file(fd);
    if (file < 0 || result != 0) return;
    pthread_mutex_lock(&lock);
    record_header(kind, file, 0, value);
    pthread_mutex_unlock(&lock);
}

#define OPEN_MODE(flags, mode)                                        \
    mode_t mode = 0;                                                  \
    if ((flags) & (O_CREAT | O_TMPFILE)) {                            \
        va_list args;                                                 \
        va_start(args, flags);                                        \
        mode = (mode_t)va_arg(args, int);                             \
        va_end(args);                                                 \
    }

int open(const char *path, int flags, ...) {
    init();
    OPEN_MODE(flags, mode);
    int fd = real_open(path, flags, mode);
    note_open(fd, path, flags);
    return fd;
}

int open64(const char *path, int flags, ...) {
    init();
    OPEN_MODE(flags, mode);
    int fd = real_open64 ? real_open64(path, flags, mode) : real_open(path, flags, mode);
    note_open(fd, path, flags);
    return fd;
}

int openat(int dir, const char *path, int flags, ...) {
    init();
    OPEN_MODE(flags, mode);
    int fd = real_openat(dir, path, flags, mode);
    note_open(fd, path, flags);
    return fd;
}

int close(int fd) {
    init();
    if (fd >= 0 && fd < MAX_FD) fd_file[fd] = 0;
    return real_close(fd);
}

ssize_t write(int fd, const void *bytes, size_t length) {
    init();
    int file = watched_file(fd);
    off_t at = file >= 0 ? real_lseek(fd, 0, SEEK_CUR) : 0;
    ssize_t n = real_write(fd, bytes, length);
    record_write(fd, bytes, (uint64_t)at, n);
    return n;
}

ssize_t pwrite(int fd, const void *bytes, size_t length, off_t offset) {
    init();
    ssize_t n = real_pwrite(fd, bytes, length, offset);
    record_write(fd, bytes, (uint64_t)offset, n);
    return n;
}

ssize_t pwrite64(int fd, const void *bytes, size_t length, off_t offset) {
    init();
    ssize_t n = real_pwrite64 ? real_pwrite64(fd, bytes, length, offset) : real_pwrite(fd, bytes, length, offset);
    record_write(fd, bytes, (uint64_t)offset, n);
    return n;
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
    init();
    int file = watched_file(fd);
    off_t at = file >= 0 ? real_lseek(fd, 0, SEEK_CUR) : 0;
    ssize_t n = real_writev(fd, iov, count);
    record_iov(fd, iov, count, (uint64_t)at, n);
    return n;
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
    init();
    ssize_t n = real_pwritev(fd, iov, count, offset);
    record_iov(fd, iov, count, (uint64_t)offset, n);
    return n;
}

// Call with `lock` held: records each page of `m` that changed since its copy was taken.
static void record_mapping_changes(struct mapping *m) {
    const size_t page = 4096;
    for (size_t at = 0; at < m->length; at += page) {
        size_t length = m->length - at < page ? m->length - at : page;
        if (memcmp(m->address + at, m->copy + at, length) == 0) continue;
        // The copy is what is recorded: the process may go on changing the page meanwhile.
        memcpy(m->copy + at, m->address + at, length);
        record_header(1, m->file, m->offset + at, length);
        if (!lengths_only) put_all(m->copy + at, length);
    }
}

// Before a flush of a watched file: what the mappings changed so far may be on the disk. In
// the counting mode only msync and munmap record them: a page changed many times between two
// msyncs reaches the disk once there, which is what a count of bytes written should see.
static void record_all_mapping_changes(int fd) {
    if (watched_file(fd) < 0 || lengths_only) return;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_MAPPINGS; i++) {
        if (mappings[i].address) record_mapping_changes(&mappings[i]);
    }
    pthread_mutex_unlock(&lock);
}

static void note_mapping(void *address, size_t length, int prot, int flags, int fd, off_t offset) {
    int file = watched_file(fd);
    if (address == MAP_FAILED || file < 0 || !(prot & PROT_WRITE) || !(flags & MAP_SHARED)) return;
    unsigned char *copy = malloc(length);
    if (!copy) return;
    memcpy(copy, address, length);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_MAPPINGS; i++) {
        if (mappings[i].address) continue;
        mappings[i] = (struct mapping){address, length, (uint64_t)offset, file, copy};
        copy = NULL;
        break;
    }
    pthread_mutex_unlock(&lock);
    free(copy);
}

void *mmap(void *address, size_t length, int prot, int flags, int fd, off_t offset) {
    init();
    void *result = real_mmap(address, length, prot, flags, fd, offset);
    note_mapping(result, length, prot, flags, fd, offset);
    return result;
}

void *mmap64(void *address, size_t length, int prot, int flags, int fd, off_t offset) {
    init();
    void *result = real_mmap64 ? real_mmap64(address, length, prot, flags, fd, offset)
                               : real_mmap(address, length, prot, flags, fd, offset);
    note_mapping(result, length, prot, flags, fd, offset);
    return result;
}

int munmap(void *address, size_t length) {
    init();
    unsigned char *copy = NULL;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_MAPPINGS; i++) {
        if (mappings[i].address != address) continue;
        // Whatever it changed reaches the file when the kernel writes it back.
        record_mapping_changes(&mappings[i]);
        copy = mappings[i].copy;
        mappings[i] = (struct mapping){0};
    }
    pthread_mutex_unlock(&lock);
    free(copy);
    return real_munmap(address, length);
}

int msync(void *address, size_t length, int flags) {
    init();
    // The flush is recorded only for an msync of a whole mapping: a record flushes a whole file.
    int file = -1;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_MAPPINGS; i++) {
        struct mapping *m = &mappings[i];
        if (!m->address || (char *)address < m->address || (char *)address >= m->address + m->length) continue;
        record_mapping_changes(m);
        if ((char *)address == m->address && length >= m->length) file = m->file;
    }
    pthread_mutex_unlock(&lock);
    int result = real_msync(address, length, flags);
    if (file >= 0 && result == 0 && (flags & MS_SYNC)) {
        pthread_mutex_lock(&lock);
        record_header(2, file, 0, 0);
        pthread_mutex_unlock(&lock);
    }
    return result;
}

int fsync(int fd) {
    init();
    record_all_mapping_changes(fd);
    int result = real_fsync(fd);
    record_plain(fd, 2, 0, result);
    return result;
}

int fdatasync(int fd) {
    init();
    record_all_mapping_changes(fd);
    int result = real_fdatasync(fd);
    record_plain(fd, 2, 0, result);
    return result;
}

int ftruncate(int fd, off_t length) {
    init();
    int result = real_ftruncate(fd, length);
    record_plain(fd, 3, (uint64_t)length, result);
    return result;
}
