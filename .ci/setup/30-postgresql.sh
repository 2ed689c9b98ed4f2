#!/usr/bin/env bash
# PostgreSQL from Debian for the submission service's tests (server/: storage and queue against both
# databases): the package's cluster started on 127.0.0.1:5432, a role and a database for the tests.
# Run as root; idempotent: a rerun starts a stopped cluster and leaves the role and database as they are.
# .ci/run exports the URL as RACECOURSE_TEST_POSTGRES; on your machine, after running this once:
#   export RACECOURSE_TEST_POSTGRES='jdbc:postgresql://127.0.0.1:5432/racecourse_test?user=racecourse_test&password=racecourse_test'
set -euo pipefail

ROLE=racecourse_test
DB=racecourse_test
WAIT_SECONDS=60

say() { echo "30-postgresql: $*"; }
die() { echo "30-postgresql: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts a database): sudo bash $0"

if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql/ 2>/dev/null)" ]; then
    say "installing postgresql"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
fi

version=$(ls /usr/lib/postgresql/ | sort -V | tail -n 1)
# Debian's postinst makes the cluster "main"; a minimal image that skipped it gets one here.
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    say "creating cluster $version/main"
    pg_createcluster "$version" main -- --auth-local=peer --auth-host=scram-sha-256
fi
# Only the loopback interface: the tests connect to 127.0.0.1, nothing else may.
conf=/etc/postgresql/$version/main/postgresql.conf
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
    echo "listen_addresses = '127.0.0.1'" >> "$conf"
    pg_ctlcluster "$version" main stop 2>/dev/null || true
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
    say "starting cluster $version/main on port $port"
    pg_ctlcluster "$version" main start
fi
for _ in $(seq "$WAIT_SECONDS"); do
    if su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null || die "the cluster did not answer within $WAIT_SECONDS s; see /var/log/postgresql/"

if ! su postgres -c "psql -p $port -qAtc \"select 1 from pg_roles where rolname = '$ROLE'\"" | grep -q 1; then
    su postgres -c "psql -p $port -qc \"create role $ROLE login password '$ROLE'\""
fi
if ! su postgres -c "psql -p $port -qAtc \"select 1 from pg_database where datname = '$DB'\"" | grep -q 1; then
    su postgres -c "createdb -p $port -O $ROLE $DB"
fi
[ "$port" = 5432 ] || say "note: the cluster listens on $port, not 5432; set RACECOURSE_TEST_POSTGRES to match"
say "ready: jdbc:postgresql://127.0.0.1:$port/$DB?user=$ROLE&password=$ROLE"
