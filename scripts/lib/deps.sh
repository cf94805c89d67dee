# Shared by scripts/start and scripts/test: installs the system packages the
# build needs (liblmdb-dev for CLMDB, libsqlite3-dev for the benchmark's CSQLite,
# both found through pkg-config), and for the tests the PostgreSQL server the
# sink's tests run against (scripts/lib/postgres.sh starts one of their own).
# Source it, then call `ensure_build_dependencies` (and `ensure_test_dependencies`).

# Runs "$@" as root: directly when root, through sudo when it exists.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: need root to run: $*" >&2
        echo "       run it as root (or install sudo), then try again" >&2
        return 1
    fi
}

# Installs pkg-config and liblmdb-dev with apt-get when they are missing.
ensure_build_dependencies() {
    local packages=()
    if ! command -v pkg-config >/dev/null 2>&1; then
        packages+=(pkg-config liblmdb-dev libsqlite3-dev)
    else
        pkg-config --exists lmdb || packages+=(liblmdb-dev)
        # SQLite is only the benchmark's baseline, but the package builds it.
        pkg-config --exists sqlite3 || packages+=(libsqlite3-dev)
    fi
    # CI renders the monthly complaint report in headless Chromium (a test elsewhere installs it
    # itself when it can, or is skipped saying why).
    if [ "${CI:-}" = "true" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
        packages+=(chromium-headless-shell)
    fi
    if [ "${#packages[@]}" -eq 0 ]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: missing ${packages[*]} and there is no apt-get; install LMDB's headers and pkg-config by hand" >&2
        return 1
    fi
    echo "==> installing ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
    if ! pkg-config --exists lmdb sqlite3; then
        echo "error: pkg-config still cannot find lmdb and sqlite3 after installing ${packages[*]}" >&2
        return 1
    fi
}

# The directory of the newest installed PostgreSQL server's programs (initdb, pg_ctl), if any.
postgres_bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# Installs the PostgreSQL server (Debian's `postgresql`, version 15 on Debian 12) when no
# initdb is found: the PostgreSQL sink's tests start a cluster of their own with it.
ensure_test_dependencies() {
    if postgres_bin_dir >/dev/null; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: the sink's tests need a PostgreSQL server (initdb, pg_ctl) and there is no apt-get; install PostgreSQL 15 by hand" >&2
        return 1
    fi
    echo "==> installing postgresql"
    as_root apt-get update -qq
    # The package's own cluster (if its scripts start one) is not used: the tests run their own.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
    if ! postgres_bin_dir >/dev/null; then
        echo "error: no initdb under /usr/lib/postgresql after installing postgresql" >&2
        return 1
    fi
}
