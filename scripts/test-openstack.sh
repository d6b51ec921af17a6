#!/bin/bash
# npm run test:openstack -- Trellis's OpenStack clients against REAL Keystone + Heat + Nova
# (Debian 12 packages, run on 127.0.0.1 by the kit in ../shared/openstack-rig, see its README).
#
#   1. install the rig's Debian packages (root, or passwordless sudo; idempotent, <1 s when present)
#   2. set the rig up once in $RIG_STATE (default: <repo>/data/openstack-rig) or start it again
#   3. npx vitest run --config tests-openstack/vitest.config.ts  (credentials from admin-openrc)
#   4. stop the services this script started
#
# If the packages cannot be installed (no root, no Debian, no apt mirror) or the rig's ports
# are held by something else, the tier prints "skipped: <reason>" and exits 0. Once the rig
# is up, any test failure fails the tier.
# Env: OPENSTACK_RIG_KIT (kit folder), RIG_STATE, RIG_KEEP=1 (leave the rig running afterwards),
#      RIG_NO_NOVA=1 (Keystone + Heat only; the Nova tests then skip).
set -uo pipefail
REPO=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
KIT=${OPENSTACK_RIG_KIT:-$REPO/../shared/openstack-rig}
export RIG_STATE=${RIG_STATE:-$REPO/data/openstack-rig}
NOVA=$([ "${RIG_NO_NOVA:-0}" = 1 ] && echo 0 || echo 1)
T_START=$(date +%s)
phase() { echo "[test:openstack] $* ($(( $(date +%s) - T_START ))s)"; }
skip() { echo "[test:openstack] skipped: $*"; exit 0; }

[ -f "$KIT/install.sh" ] || skip "rig kit not found at $KIT (set OPENSTACK_RIG_KIT)"
command -v apt-get >/dev/null 2>&1 || skip "not a Debian system (no apt-get)"

# ---- 1. packages
INSTALL_ARGS=(); [ "$NOVA" = 1 ] && INSTALL_ARGS=(--nova)
if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  SUDO=(none)
fi
phase "installing rig packages"
if [ "${SUDO[0]:-}" = none ]; then
  command -v keystone-manage >/dev/null 2>&1 && command -v heat-manage >/dev/null 2>&1 ||
    skip "rig packages missing and no root/sudo to install them (bash $KIT/install.sh --nova as root)"
  [ "$NOVA" = 1 ] && ! command -v nova-api >/dev/null 2>&1 && { echo "[test:openstack] nova part not installed; Keystone + Heat only"; NOVA=0; }
else
  # apt may be busy (another install on this machine): wait for its lock, bounded
  for i in $(seq 1 40); do
    out=$("${SUDO[@]}" bash "$KIT/install.sh" "${INSTALL_ARGS[@]}" 2>&1); rc=$?
    echo "$out" | tail -3
    [ $rc = 0 ] && break
    echo "$out" | grep -q 'Could not get lock' || skip "package install failed (install.sh exit $rc)"
    sleep 15
  done
  [ $rc = 0 ] || skip "apt stayed locked for 10 minutes"
fi
phase "packages ready"
# Debian keeps /etc/<service> at 0750: a non-root user needs the groups install.sh --user gives
for f in /etc/keystone/policy.d /etc/heat/api-paste.ini; do
  [ -r "$f" ] || skip "$f is not readable by $(id -un) (as root: bash $KIT/install.sh --user $(id -un))"
done

# ---- 2. the rig: set up once, afterwards just started
# The rig has fixed ports, so only one user at a time: runs of this tier on one machine
# queue on this lock (others driving the same rig by hand should take it too:
#   flock /tmp/trellis-openstack-rig.lock <command>).
exec 9>/tmp/trellis-openstack-rig.lock
if ! flock -n 9; then
  phase "waiting for another user of the rig (lock /tmp/trellis-openstack-rig.lock)"
  flock -w 1800 9 || skip "the rig stayed busy (lock held) for 30 minutes"
fi
ours_running=0
if [ -f "$RIG_STATE/pids" ] && bash "$KIT/start.sh" status 2>/dev/null | grep -q running; then ours_running=1; fi
if [ $ours_running = 0 ]; then
  for p in 5000 8004; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && skip "127.0.0.1:$p is in use by another process (another rig or keystone/heat?)"
  done
fi
# Kit scripts run without fd 9: the services they start must not inherit (and hold) the lock.
rig() { local script=$1; shift; bash "$KIT/$script" "$@" 9>&-; }
STARTED=0
cleanup() {
  if [ $STARTED = 1 ] && [ "${RIG_KEEP:-0}" != 1 ]; then
    phase "stopping the rig"; rig stop.sh >/dev/null 2>&1; phase "rig stopped"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# a rig that was already running (RIG_KEEP=1 earlier, or started by hand) is left running
[ $ours_running = 1 ] && phase "using the rig already running from $RIG_STATE" || STARTED=1
if [ -e "$RIG_STATE/var/keystone.sqlite" ] && [ -f "$RIG_STATE/admin-openrc" ]; then
  phase "starting the existing rig in $RIG_STATE"
  rig start.sh all || { echo "[test:openstack] FAILED: rig did not start (see $RIG_STATE/log)"; exit 1; }
else
  phase "setting up Keystone + Heat in $RIG_STATE"
  mkdir -p "$RIG_STATE"
  rig setup.sh || { echo "[test:openstack] FAILED: setup.sh (see $RIG_STATE/log)"; exit 1; }
fi
if [ "$NOVA" = 1 ]; then
  if [ -f "$RIG_STATE/etc/nova/nova.conf" ]; then
    rig start.sh nova || { echo "[test:openstack] FAILED: nova part did not start"; exit 1; }
  else
    phase "setting up Nova + Glance + Neutron stand-in"
    rig setup-nova.sh || { echo "[test:openstack] FAILED: setup-nova.sh (see $RIG_STATE/log)"; exit 1; }
  fi
fi
curl -s -o /dev/null -m 5 http://127.0.0.1:5000/v3 || { echo "[test:openstack] FAILED: keystone does not answer on 127.0.0.1:5000"; exit 1; }
phase "rig up"

# ---- 3. the tests
set -a; . "$RIG_STATE/admin-openrc"; set +a
export RIG_KIT="$KIT" RIG_NOVA=$NOVA
cd "$REPO"
phase "running tests-openstack"
# The rig's Nova (fake driver on SQLite) now and then fails a server build or delete with
# "database is locked"; a test that meets it runs once more. Request logs stay out of the way.
TRELLIS_LOG_LEVEL=warn npx vitest run --config tests-openstack/vitest.config.ts --retry 1
rc=$?
phase "tests finished (exit $rc)"
exit $rc
