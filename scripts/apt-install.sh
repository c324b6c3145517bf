# Sourced by scripts/setup-postgres.sh and scripts/setup-chromium.sh (run as root on Debian):
# apt_install PKG... installs without prompting, tolerating another apt run on the machine and a
# flaky mirror.

apt_retry() {
  # apt may be locked by another apt run on the same machine (the lock wait covers that); retry a
  # few times for a flaky mirror.
  local i
  for i in 1 2 3 4 5; do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@" </dev/null; then return 0; fi
    echo "apt-get $1 failed (attempt $i), retrying in 10s" >&2
    sleep 10
  done
  return 1
}

# Lists are "fresh" when some exist and `apt-get update` ran in the last 6 h (the Packages files
# keep the mirror's mtime; lists/partial is touched by every update).
apt_lists_fresh() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null &&
    [[ -n "$(find /var/lib/apt/lists/partial -maxdepth 0 -mmin -360 2>/dev/null)" ]]
}

# apt_install [apt-get install options] PKG...: `apt-get update` only when the lists are missing
# or older than 6 hours, and again if the install fails on stale lists.
apt_install() {
  apt_lists_fresh || apt_retry -qq update
  apt_retry install -y -qq "$@" || { apt_retry -qq update && apt_retry install -y -qq "$@"; }
}
