#define _GNU_SOURCE
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "page_cache.h"

#ifndef __NR_cachestat
#define __NR_cachestat 451
#endif

// The kernel's struct cachestat_range and struct cachestat (include/uapi/linux/mman.h),
// spelled out because Debian 12's headers predate them.
struct dossier_cachestat_range {
    uint64_t off;
    uint64_t len;
};

struct dossier_cachestat {
    uint64_t nr_cache;
    uint64_t nr_dirty;
    uint64_t nr_writeback;
    uint64_t nr_evicted;
    uint64_t nr_recently_evicted;
};

long long dossier_unflushed_pages(int fd) {
    struct dossier_cachestat_range range = {0, 0};  // a length of 0: up to the end of the file
    struct dossier_cachestat stat;
    if (syscall(__NR_cachestat, fd, &range, &stat, 0) != 0) {
        return -1;
    }
    return (long long)(stat.nr_dirty + stat.nr_writeback);
}
