#!/usr/bin/env bash
# Runs Debian's real OpenStack command-line clients (python3-openstackclient + python3-heatclient)
# against the sandbox cloud: token issue, stack create --wait, stack show, resource list,
# event list, server list, stack delete --wait.
#   SANDBOX_URL=http://127.0.0.1:5100 bash scripts/check-openstack-cli.sh   # against a running sandbox
#   bash scripts/check-openstack-cli.sh                                      # starts its own sandbox
# Exit codes: 0 passed, 1 a CLI step failed, 77 skipped (the Debian packages cannot be installed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES="$ROOT/tests/sandbox/fixtures"
WORK=$(mktemp -d)
SB_PID=""
cleanup() {
  if [ -n "$SB_PID" ]; then kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # run the EXIT cleanup when the test runner stops us too

# --- 1. the Debian packages ---------------------------------------------------------------
if ! command -v openstack >/dev/null 2>&1 || ! python3 -c 'import heatclient' >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "SKIP: python3-openstackclient/python3-heatclient are not installed and this user cannot apt-get install them"
    exit 77
  fi
  echo "== installing python3-openstackclient python3-heatclient (apt-get, may take a few minutes)"
  if ! (flock /tmp/apt.lock apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive flock /tmp/apt.lock apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends python3-openstackclient python3-heatclient) >"$WORK/apt.log" 2>&1; then
    echo "SKIP: apt-get could not install the OpenStack CLI packages:"; tail -5 "$WORK/apt.log"
    exit 77
  fi
fi

# --- 2. a sandbox -------------------------------------------------------------------------
if [ -z "${SANDBOX_URL:-}" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  SANDBOX_URL="http://127.0.0.1:$PORT"
  # one node process (node --import tsx), so killing $SB_PID really stops the sandbox (npx would leave it behind)
  (cd "$ROOT" && SANDBOX_RESOURCE_DELAY_MS="${SANDBOX_RESOURCE_DELAY_MS:-100}" exec node --import tsx sandbox/main.ts --port "$PORT" --state "$WORK/state") >"$WORK/sandbox.log" 2>&1 &
  SB_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$SANDBOX_URL/identity/v3" 2>/dev/null && break
    kill -0 "$SB_PID" 2>/dev/null || { echo "FAIL: the sandbox did not start:"; cat "$WORK/sandbox.log"; exit 1; }
    sleep 0.2
  done
fi
echo "== sandbox at $SANDBOX_URL"

export OS_AUTH_URL="$SANDBOX_URL/identity/v3" OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne
export OS_USERNAME=admin OS_PASSWORD="${SANDBOX_ADMIN_PASSWORD:-admin}" OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
unset OS_CLOUD OS_TOKEN OS_AUTH_TYPE 2>/dev/null || true
cp "$FIXTURES/T.yaml" "$FIXTURES/member.yaml" "$FIXTURES/server.yaml" "$WORK/"
cd "$WORK"
NAME="${CLI_STACK_NAME:-s1}"
VNF="${NAME}-vnf"

step() { echo "== $*"; "$@"; }
expect_field() { # expect_field <json> <key> <value>
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); v=d.get(sys.argv[2]); sys.exit(0 if v == sys.argv[3] else "expected %s=%s, got %r" % (sys.argv[2], sys.argv[3], v))' "$1" "$2" "$3"
}

step openstack token issue
step openstack stack create -t T.yaml "$NAME" --parameter wait=1 --wait
SHOW=$(openstack stack show "$NAME" -f json); echo "== openstack stack show $NAME"; echo "$SHOW" | head -30
expect_field "$SHOW" stack_status CREATE_COMPLETE
echo "== openstack stack resource list $NAME"
LISTING=$(openstack stack resource list "$NAME" -f value -c resource_name -c resource_status); echo "$LISTING"
RESOURCES=$(echo "$LISTING" | awk '{print $1}' | sort | tr '\n' ' ')
[ "$RESOURCES" = "asg none rand scale_out slow " ] || { echo "FAIL: unexpected resources: $RESOURCES"; exit 1; }
step openstack stack event list "$NAME"
step openstack stack create -t server.yaml "$VNF" --wait
echo "== openstack server list"
SERVERS=$(openstack server list -f value -c Name -c Status -c Networks); echo "$SERVERS"
echo "$SERVERS" | grep -q "^$VNF-VDU1-.* ACTIVE " || { echo "FAIL: the stack's server is not ACTIVE in server list"; exit 1; }
step openstack stack delete "$NAME" --wait -y
step openstack stack delete "$VNF" --wait -y
LEFT=$(openstack stack list -f value -c "Stack Name" | grep -cxE "$NAME|$VNF" || true)
[ "$LEFT" = "0" ] || { echo "FAIL: stacks still listed after delete"; exit 1; }
[ -z "$(openstack server list -f value -c Name | grep "^$VNF-VDU1-" || true)" ] || { echo "FAIL: server left after stack delete"; exit 1; }
echo "CLI CHECK PASSED"
