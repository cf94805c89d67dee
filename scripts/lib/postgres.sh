# A PostgreSQL cluster of the tests' own, for the PostgreSQL sink's tests (Sinks/Postgres).
# Source it (after deps.sh), call `start_test_postgres`, and `stop_test_postgres` when done.
#
# The cluster lives in a fresh temporary directory: its data, its log, and its Unix socket,
# with no TCP port, so it never meets another PostgreSQL on this machine (a system cluster,
# another developer's tests). Local connections are trusted; only the directory's owner (and
# root) can reach the socket (mode 0700). As root it runs as the user `postgres`, since
# PostgreSQL refuses to run as root.
#
# Exports for the tests: DOSSIER_TEST_PG_HOST (the socket's directory), DOSSIER_TEST_PG_PORT,
# DOSSIER_TEST_PG_USER (a superuser: each test creates and drops a database of its own).

TEST_PG_DIR=""
TEST_PG_RUN=()

start_test_postgres() {
    local bin
    bin=$(postgres_bin_dir) || { echo "error: no PostgreSQL server installed (initdb)" >&2; return 1; }
    TEST_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dossier-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$TEST_PG_DIR"
        TEST_PG_RUN=(runuser -u postgres --)
    fi
    if ! "${TEST_PG_RUN[@]}" "$bin/initdb" -D "$TEST_PG_DIR/data" -U dossier_test -A trust -E UTF8 --no-sync \
        >"$TEST_PG_DIR/initdb.log" 2>&1; then
        cat "$TEST_PG_DIR/initdb.log" >&2
        return 1
    fi
    if ! "${TEST_PG_RUN[@]}" "$bin/pg_ctl" -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/postgres.log" -w -t 60 \
        -o "-c listen_addresses='' -k $TEST_PG_DIR -p 5432" start >/dev/null; then
        cat "$TEST_PG_DIR/postgres.log" >&2
        return 1
    fi
    export DOSSIER_TEST_PG_HOST="$TEST_PG_DIR" DOSSIER_TEST_PG_PORT=5432 DOSSIER_TEST_PG_USER=dossier_test
    echo "    PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $TEST_PG_DIR/.s.PGSQL.5432"
}

stop_test_postgres() {
    [ -n "$TEST_PG_DIR" ] || return 0
    local bin
    bin=$(postgres_bin_dir) || return 0
    "${TEST_PG_RUN[@]}" "$bin/pg_ctl" -D "$TEST_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$TEST_PG_DIR"
    TEST_PG_DIR=""
}
