#!/usr/bin/env bash
# Prepare the local Debian PostgreSQL cluster for Talvix: pg_cron installed,
# preloaded and created, enough connections for the test suite. Idempotent: a
# second run changes nothing and does not restart the server. Used by
# `bun run test` (scripts/test-preflight.ts, when pg_cron is missing) and by developers
# (`sudo bash scripts/setup-postgres.sh`).
#
# Works whether the cluster is running or stopped, and whether pg_cron is
# installed or not. Leaves the cluster running.
#
# Env overrides: PG_VERSION (15), PG_CLUSTER (main).
#
# What pg_cron 1.4 (Debian postgresql-15-cron 1.4.2) needs, as verified on
# this machine kind (Debian 12, PostgreSQL 15, trust auth):
#   shared_preload_libraries += pg_cron   required (restart); without it
#                                          CREATE EXTENSION fails and ALTER
#                                          SYSTEM rejects every cron.* name.
#   cron.database_name = 'postgres'       where the extension and cron.job live
#                                          (also pg_cron's default; set
#                                          explicitly). Jobs reach other
#                                          databases via
#                                          cron.schedule_in_database(...).
#   cron.use_background_workers = on      chosen, not strictly needed here:
#                                          jobs run in background workers inside
#                                          the server, so no libpq connection,
#                                          no pg_hba rule, no password. Both
#                                          modes ran a cross-database job here;
#                                          the default libpq mode (connects to
#                                          cron.host='localhost' as the job's
#                                          owner) works only because 127.0.0.1
#                                          is `trust` on this machine; a stock
#                                          Debian pg_hba (scram on host lines)
#                                          would need a password/.pgpass.
#   max_worker_processes >= 64            needed by that mode: each running job
#                                          takes a worker slot (default 8, also
#                                          used by parallel query and the cron
#                                          launcher); pg_cron runs at most
#                                          cron.max_running_jobs (32) at once.
#   max_connections >= 300                for the test suite (many pools, one
#                                          database per test file).
# cron.host is left at its default (unused with background workers).
# Verified by hand (not in this script: pg_cron 1.4 has no seconds schedules,
# so it takes up to a minute): with the extension in `postgres`,
#   select cron.schedule_in_database('probe', '* * * * *',
#     'create table if not exists probe(...); insert into probe default values',
#     'other_db');
# ran at the next minute in other_db: cron.job_run_details.status =
# 'succeeded', return_message 'INSERT 0 1', row present in other_db.probe.
#
# Core settings are written with ALTER SYSTEM (postgresql.auto.conf, read last,
# so nothing else overrides them); shared_preload_libraries keeps every library
# already configured and only adds pg_cron (written as a list of quoted names:
# a single 'a,b' literal would name one library "a,b" and the server would not
# start). The cron.* settings go to conf.d/95-talvix-pg_cron.conf, because
# ALTER SYSTEM rejects cron.* until pg_cron is loaded. A restart happens only
# when the running server lacks one of these settings.
set -euo pipefail

# shellcheck source=scripts/become-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/become-root.sh"
become_root "$0" "$@"

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PKG="postgresql-${PG_VERSION}-cron"
MIN_CONNECTIONS=300
MIN_WORKERS=64
SOCKET_DIR=/var/run/postgresql

log() { printf '[setup-postgres] %s\n' "$*"; }
die() { printf '[setup-postgres] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- package
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# shellcheck source=scripts/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

if pkg_installed "$PKG"; then
  log "$PKG already installed"
else
  log "installing $PKG"
  apt_install --no-install-recommends "$PKG"
fi
[[ -f "/usr/lib/postgresql/${PG_VERSION}/lib/pg_cron.so" ]] || die "pg_cron.so missing after installing $PKG"

# ---------------------------------------------------------------- cluster
command -v pg_lsclusters >/dev/null || die "postgresql-common is not installed"
CLUSTER_LINE=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c')
[[ -n "$CLUSTER_LINE" ]] || die "cluster $PG_VERSION/$PG_CLUSTER does not exist (pg_lsclusters)"
PORT=$(awk '{print $3}' <<<"$CLUSTER_LINE")
CONF_DIR="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}"

ctl() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" "$@"; }
is_running() { ctl status >/dev/null 2>&1; }
psql_pg() { runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres "$@"; }
q() { psql_pg -c "$1"; }

wait_ready() {
  local i
  for i in $(seq 1 120); do
    if pg_isready -q -h "$SOCKET_DIR" -p "$PORT" && pg_isready -q -h 127.0.0.1 -p "$PORT"; then
      # pg_isready says yes a moment before a real session works; confirm.
      if q 'select 1' >/dev/null 2>&1; then return 0; fi
    fi
    sleep 0.5
  done
  tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2 || true
  die "cluster $PG_VERSION/$PG_CLUSTER did not become ready on port $PORT"
}

start_cluster() {
  log "starting cluster $PG_VERSION/$PG_CLUSTER"
  ctl start || { tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2; die "pg_ctlcluster start failed"; }
  wait_ready
}

if is_running; then
  log "cluster $PG_VERSION/$PG_CLUSTER is running (port $PORT)"
  wait_ready
else
  start_cluster
fi

# ---------------------------------------------------------------- settings
# One query (each psql costs a fork and a connection): for each core setting,
# the value the configuration files give now (last entry wins, falling back to
# the running value, so preload libraries configured but not yet restarted for
# are kept) and the value in postgresql.auto.conf. pg_file_settings.error is
# not filtered on: a restart-only value not yet in effect carries "setting
# could not be applied", yet it is what the next start uses.
settings_row=$(q "
  with f as (
    select distinct on (name) name, setting, sourcefile
      from pg_file_settings
     where name in ('shared_preload_libraries', 'max_connections', 'max_worker_processes')
     order by name, seqno desc),
  a as (
    select distinct on (name) name, setting
      from pg_file_settings where sourcefile like '%postgresql.auto.conf'
     order by name, seqno desc)
  select concat_ws('|',
    coalesce((select setting from f where name = 'shared_preload_libraries'), current_setting('shared_preload_libraries')),
    coalesce((select setting from f where name = 'max_connections'), current_setting('max_connections')),
    coalesce((select setting from f where name = 'max_worker_processes'), current_setting('max_worker_processes')),
    coalesce((select setting from a where name = 'shared_preload_libraries'), '<none>'),
    coalesce((select setting from a where name = 'max_connections'), '<none>'),
    coalesce((select setting from a where name = 'max_worker_processes'), '<none>'))") \
  || die "could not read the current settings from the server"
IFS='|' read -r cur_preload cur_conn cur_workers auto_preload auto_conn auto_workers <<<"$settings_row"

[[ "$cur_conn" =~ ^[0-9]+$ && "$cur_workers" =~ ^[0-9]+$ ]] || die "could not read the current settings from the server"
norm_list() { tr -d ' "' <<<"$1"; }   # 'a, "b"' -> 'a,b'
want_preload=$(norm_list "$cur_preload")
if [[ ",$want_preload," != *",pg_cron,"* ]]; then want_preload="${want_preload:+$want_preload,}pg_cron"; fi
want_conn=$(( cur_conn > MIN_CONNECTIONS ? cur_conn : MIN_CONNECTIONS ))
want_workers=$(( cur_workers > MIN_WORKERS ? cur_workers : MIN_WORKERS ))

# A preload library that is not installed stops the server from starting:
# refuse before writing anything.
PKGLIBDIR="/usr/lib/postgresql/${PG_VERSION}/lib"
IFS=',' read -ra preload_libs <<<"$want_preload"
for lib in "${preload_libs[@]}"; do
  lib=${lib#\$libdir/}
  if [[ "$lib" == */* ]]; then f="$lib"; else f="$PKGLIBDIR/$lib"; fi
  [[ -f "$f" || -f "$f.so" ]] || die "shared_preload_libraries would list '$lib', which is not installed ($f.so); fix the configuration first"
done

# ALTER SYSTEM only when postgresql.auto.conf differs, so re-runs write nothing.
# A list setting takes one quoted literal per element ('a', 'b'): a single
# 'a,b' literal would be read as ONE library named "a,b".
preload_sql=$(sed -E "s/([^,]+)/'\1'/g; s/,/, /g" <<<"$want_preload")
alter_stmts=()
if [[ "$(norm_list "$auto_preload")" != "$want_preload" ]]; then alter_stmts+=("ALTER SYSTEM SET shared_preload_libraries = $preload_sql"); fi
if [[ "$auto_conn" != "$want_conn" ]]; then alter_stmts+=("ALTER SYSTEM SET max_connections = $want_conn"); fi
if [[ "$auto_workers" != "$want_workers" ]]; then alter_stmts+=("ALTER SYSTEM SET max_worker_processes = $want_workers"); fi
if (( ${#alter_stmts[@]} > 0 )); then
  # ALTER SYSTEM cannot run inside a transaction block: one -c per statement.
  args=()
  for st in "${alter_stmts[@]}"; do log "$st"; args+=(-c "$st"); done
  psql_pg "${args[@]}"
fi

# cron.* settings: a conf.d file (ALTER SYSTEM refuses them until pg_cron is
# loaded). Make sure postgresql.conf includes conf.d (Debian's default does).
if ! grep -Eq "^[[:space:]]*include_dir[[:space:]]*=?[[:space:]]*'?conf\.d'?" "$CONF_DIR/postgresql.conf"; then
  log "adding include_dir = 'conf.d' to $CONF_DIR/postgresql.conf"
  printf "\ninclude_dir = 'conf.d'\n" >>"$CONF_DIR/postgresql.conf"
fi
mkdir -p "$CONF_DIR/conf.d"
CRON_CONF="$CONF_DIR/conf.d/95-talvix-pg_cron.conf"
CRON_CONF_CONTENT="# Written by Talvix scripts/setup-postgres.sh; see that script for why.
cron.database_name = 'postgres'
cron.use_background_workers = on
"
conf_changed=0
if [[ ! -f "$CRON_CONF" ]] || [[ "$(cat "$CRON_CONF")" != "${CRON_CONF_CONTENT%$'\n'}" ]]; then
  log "writing $CRON_CONF"
  printf '%s' "$CRON_CONF_CONTENT" >"$CRON_CONF"
  chown postgres:postgres "$CRON_CONF" 2>/dev/null || true
  chmod 0644 "$CRON_CONF"
  conf_changed=1
fi

# Does the running server have all of it? Decided from the live values of our
# settings only (a restart-only change someone else left pending is not ours
# to apply). Reload when something was written, for the sighup-level ones.
if (( ${#alter_stmts[@]} > 0 || conf_changed == 1 )); then
  q 'select pg_reload_conf()' >/dev/null
  sleep 0.5
fi
LIVE_SQL="select concat_ws('|',
    current_setting('shared_preload_libraries'),
    current_setting('max_connections'),
    current_setting('max_worker_processes'),
    coalesce(current_setting('cron.database_name', true), ''),
    coalesce(current_setting('cron.use_background_workers', true), ''))"
needs_restart() {
  local preload conn workers dbname bgw
  IFS='|' read -r preload conn workers dbname bgw < <(q "$LIVE_SQL")
  [[ ",$(norm_list "$preload")," == *",pg_cron,"* ]] || return 0
  (( conn >= MIN_CONNECTIONS && workers >= MIN_WORKERS )) || return 0
  [[ "$dbname" == postgres && "$bgw" == on ]] || return 0
  return 1
}
if needs_restart; then
  log "restarting cluster $PG_VERSION/$PG_CLUSTER to apply settings"
  ctl restart || { tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2; die "pg_ctlcluster restart failed"; }
  wait_ready
  if needs_restart; then
    psql_pg -c "select name, setting, sourcefile from pg_settings where name in ('shared_preload_libraries','max_connections','max_worker_processes','cron.database_name','cron.use_background_workers') or pending_restart" >&2 || true
    die "settings did not take effect after restart (see above)"
  fi
else
  log "running server already has the settings; no restart"
fi

# ---------------------------------------------------------------- extension
summary=$(psql_pg -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_cron' -c "
  select concat_ws(', ',
    'pg_cron ' || (select extversion from pg_extension where extname = 'pg_cron'),
    'shared_preload_libraries=' || current_setting('shared_preload_libraries'),
    'max_connections=' || current_setting('max_connections'),
    'max_worker_processes=' || current_setting('max_worker_processes'),
    'cron.use_background_workers=' || current_setting('cron.use_background_workers'))")
[[ "$summary" == "pg_cron "* ]] || die "pg_cron extension missing in database postgres"
log "ready: port $PORT, $summary"
