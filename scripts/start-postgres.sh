#!/usr/bin/env bash
# Installs PostgreSQL (Debian package) when missing, starts a cluster that
# listens on 127.0.0.1 only, creates the role and database tickerwire tests
# use, and prints the export line for its URL. Idempotent: run it again and
# it only prints the URL.
#
#   eval "$(scripts/start-postgres.sh)"   # sets TICKERWIRE_TEST_DATABASE_URL
#
# Settings: TICKERWIRE_PG_PORT (5432), TICKERWIRE_PG_DB (tickerwire_test).
# Progress goes to standard error; standard output is only the export line.
set -euo pipefail

port=${TICKERWIRE_PG_PORT:-5432}
db=${TICKERWIRE_PG_DB:-tickerwire_test}
role=tickerwire
password=tickerwire

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
	echo "start-postgres: installing postgresql" >&2
	as_root apt-get update >&2
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
	as_root pg_createcluster "$version" main >&2
fi
echo "listen_addresses = '127.0.0.1'" | as_root tee "/etc/postgresql/$version/main/conf.d/tickerwire-loopback.conf" >/dev/null
as_root pg_conftool "$version" main set port "$port" >&2
if ! pg_lsclusters -h | awk '$1 == v && $2 == "main" {print $4}' v="$version" | grep -q online; then
	echo "start-postgres: starting cluster $version/main on 127.0.0.1:$port" >&2
	as_root pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 60); do
	pg_isready -q -h 127.0.0.1 -p "$port" && break
	sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port" >&2

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -p "$port" -tAq "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
	psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
	psql_admin -c "CREATE DATABASE $db OWNER $role" >&2
fi

echo "export TICKERWIRE_TEST_DATABASE_URL='postgres://$role:$password@127.0.0.1:$port/$db?sslmode=disable'"
