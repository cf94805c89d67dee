#ifndef DOSSIER_PAGE_CACHE_H
#define DOSSIER_PAGE_CACHE_H

/// Pages of the file open as `fd` that are dirty or under writeback in the page cache (that
/// is, written but not yet on disk), by cachestat(2) (Linux 6.5). -1, with errno, where the
/// kernel lacks it. For tests that check a flush really happened.
long long dossier_unflushed_pages(int fd);

#endif
