# Sourced first by scripts/setup-postgres.sh and scripts/setup-chromium.sh: `become_root "$0" "$@"`
# goes on as root. Not root, it re-runs the script under sudo without ever prompting: its callers
# (the test preflight, CI) have no terminal to answer on, so where sudo wants a password it stops
# with one line saying how to run the script instead.
become_root() {
  [[ ${EUID:-$(id -u)} -ne 0 ]] || return 0
  if ! command -v sudo >/dev/null || ! sudo -n true 2>/dev/null; then
    printf '[%s] ERROR: needs root, and sudo cannot run here without a password: run it as root, or as sudo bash %s\n' "$(basename "$1" .sh)" "$1" >&2
    exit 1
  fi
  exec sudo -n -E bash "$@"
}
