# Shared by scripts/start and scripts/test: installs the system packages the
# build needs (liblmdb-dev for CLMDB, libsqlite3-dev for the benchmark's CSQLite,
# both found through pkg-config).
# Source it, then call `ensure_build_dependencies`.

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
