#!/usr/bin/env bash
# Black-box check of Trellis's Tacker v1.0 API with the real client: Debian's python3-openstackclient +
# python3-tackerclient, authenticated by Keystone, finding Trellis in the catalog as `nfv-orchestration`.
# Runs the command sequence of issue 9 (VIM register .. VIM delete), prints every command, its output
# and the HTTP requests it sent, and stops with a non-zero exit at the first command that fails, prints
# something unexpected, or received a 5xx.
#
# Needs a running Trellis + a Keystone whose catalog points at it (`npm run dev` gives both: the sandbox).
#   OS_AUTH_URL     Keystone v3 (default: the dev sandbox, http://127.0.0.1:${SANDBOX_PORT:-5100}/identity/v3)
#   OS_USERNAME/OS_PASSWORD/OS_PROJECT_NAME   default admin/admin/admin, domain Default
#   VIM_AUTH_URL    Keystone of the cloud registered as vim1 (default: OS_AUTH_URL)
#   VIM_USERNAME/VIM_PASSWORD/VIM_PROJECT     credentials in vim1's config (default: the OS_* ones)
#   CHECK_WAIT_SECONDS  how long to wait for a VNF to become ACTIVE / go away (default 180)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FIXTURES="$ROOT/tests/fixtures/tacker"

export OS_AUTH_URL="${OS_AUTH_URL:-http://127.0.0.1:${SANDBOX_PORT:-5100}/identity/v3}"
export OS_USERNAME="${OS_USERNAME:-admin}" OS_PASSWORD="${OS_PASSWORD:-admin}" OS_PROJECT_NAME="${OS_PROJECT_NAME:-admin}"
export OS_USER_DOMAIN_NAME="${OS_USER_DOMAIN_NAME:-Default}" OS_PROJECT_DOMAIN_NAME="${OS_PROJECT_DOMAIN_NAME:-Default}"
export OS_IDENTITY_API_VERSION=3 OS_INTERFACE="${OS_INTERFACE:-public}"
unset OS_CLOUD OS_TOKEN OS_AUTH_TYPE OS_TENANT_NAME OS_PROJECT_ID
# tackerclient 1.12.0 + PyYAML 6: `vnf descriptor create|show|template show` call yaml.load() without
# a Loader; the shim's sitecustomize.py defaults it to SafeLoader (see the file).
export PYTHONPATH="$ROOT/scripts/shim${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1
WAIT_SECONDS="${CHECK_WAIT_SECONDS:-180}"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --- the clients (Debian packages), installed when missing --------------------------------------
install_clients() {
  if /usr/bin/python3 -c 'import openstackclient, tackerclient' 2>/dev/null && command -v openstack >/dev/null; then return; fi
  echo "== installing python3-openstackclient python3-tackerclient (apt)"
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    python3-openstackclient python3-tackerclient python3-yaml
}
install_clients
echo "== $(openstack --version 2>&1); python-tackerclient $(/usr/bin/python3 -c 'from importlib.metadata import version; print(version("python-tackerclient"))' 2>/dev/null || echo '?')"
echo "== Keystone $OS_AUTH_URL, user $OS_USERNAME, project $OS_PROJECT_NAME"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/check-tackerclient.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- running one client command ------------------------------------------------------------------
# `run ARGS...` runs `openstack --debug ARGS`, prints the command, its output and the requests it sent
# (from keystoneauth's debug log), and fails on a non-zero exit or any 5xx response.
# The command's stdout is left in $OUT.
OUT=''
STEPS=0
run() {
  STEPS=$((STEPS + 1))
  echo
  echo "\$ openstack $*"
  local status=0
  openstack --debug "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
  OUT="$(cat "$WORK/stdout")"
  [ -z "$OUT" ] || printf '%s\n' "$OUT"
  # keystoneauth logs "REQ: curl -g -i -X GET <url> ..." then "RESP: [<status>] ..." for each request.
  awk '/^REQ: curl/ { for (i = 1; i <= NF; i++) if ($i == "-X") { m = $(i+1); u = $(i+2) } }
       /^RESP: \[/ { s = $2; gsub(/[\[\]]/, "", s); if (m != "") printf "    %s %s -> %s\n", m, u, s; m = "" }' "$WORK/stderr" |
    grep -v '/identity/v3\|/v3/auth' || true
  if grep -Eq '^RESP: \[5[0-9][0-9]\]' "$WORK/stderr"; then
    grep -E -A3 '^RESP: \[5[0-9][0-9]\]' "$WORK/stderr" | head -20 >&2
    fail "'openstack $*' received a 5xx response"
  fi
  if [ "$status" -ne 0 ]; then
    grep -v '^\(REQ\|RESP\|DEBUG\|Starting new\|http://\|  \)' "$WORK/stderr" | tail -15 >&2 || true
    fail "'openstack $*' exited $status"
  fi
}

# `expect TEXT`: the last command's output contains TEXT (a fixed string).
expect() {
  grep -qF -- "$1" <<<"$OUT" || fail "expected the output to contain '$1'"
}
# `expect_not TEXT`: ... and not this.
expect_not() {
  ! grep -qF -- "$1" <<<"$OUT" || fail "expected the output NOT to contain '$1'"
}
# `field_of NAME`: the value of a row "| NAME | value |" of a show table in $OUT.
field_of() {
  awk -F'|' -v k="$1" '{ f = $2; gsub(/^ +| +$/, "", f); if (f == k) { v = $3; gsub(/^ +| +$/, "", v); print v; exit } }' <<<"$OUT"
}

# `wait_status VNF WANTED`: polls `vnf show` until the status is WANTED; fails on ERROR or timeout.
wait_status() {
  local vnf="$1" wanted="$2" deadline=$((SECONDS + WAIT_SECONDS)) status=''
  while :; do
    run vnf show "$vnf" -f value -c status
    status="$OUT"
    [ "$status" = "$wanted" ] && return 0
    case "$status" in ERROR*) fail "VNF $vnf went to $status (wanted $wanted)" ;; esac
    [ "$SECONDS" -lt "$deadline" ] || fail "VNF $vnf still $status after ${WAIT_SECONDS}s (wanted $wanted)"
    sleep 2
  done
}

# `wait_gone VNF...`: polls `vnf list` until none of the names is listed.
wait_gone() {
  local deadline=$((SECONDS + WAIT_SECONDS)) name left
  while :; do
    run vnf list -f value -c Name
    left=''
    for name in "$@"; do grep -qx -- "$name" <<<"$OUT" && left="$left $name"; done
    [ -z "$left" ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || fail "VNF(s)$left still listed ${WAIT_SECONDS}s after delete"
    sleep 2
  done
}

# --- input files, as an operator writes them -------------------------------------------------------
cat >"$WORK/vim.yaml" <<EOF
auth_url: '${VIM_AUTH_URL:-$OS_AUTH_URL}'
username: '${VIM_USERNAME:-$OS_USERNAME}'
password: '${VIM_PASSWORD:-$OS_PASSWORD}'
project_name: '${VIM_PROJECT:-$OS_PROJECT_NAME}'
project_domain_name: 'Default'
user_domain_name: 'Default'
cert_verify: 'False'
EOF
cp "$FIXTURES/tosca-vnfd-hello-world.yaml" "$WORK/tosca-vnfd-hello-world.yaml"
cp "$FIXTURES/tosca-vnfd-scale.yaml" "$WORK/tosca-vnfd-scale.yaml"

# --- a project may have a default VIM already (the dev sandbox is registered as one): like an operator,
# make it non-default for the run so that vim1 can be registered with --is-default, and restore it at the end.
run vim list -f value -c Name -c "Is Default"
PREVIOUS_DEFAULT="$(awk '$NF == "True" { $NF = ""; sub(/ +$/, ""); print; exit }' <<<"$OUT")"
grep -q '^vim1 ' <<<"$OUT" && fail "a VIM named vim1 already exists; run against a clean project"
run vnf descriptor list -f value -c Name
grep -qx 'vnfd[12]' <<<"$OUT" && fail "a VNFD named vnfd1 or vnfd2 already exists; run against a clean project"
run vnf list -f value -c Name
grep -qx 'vnf[12]' <<<"$OUT" && fail "a VNF named vnf1 or vnf2 already exists; run against a clean project"
if [ -n "$PREVIOUS_DEFAULT" ]; then
  run vim set --is-default False "$PREVIOUS_DEFAULT"
  expect "False"
fi

# --- VIM ---------------------------------------------------------------------------------------------
run vim register --config-file "$WORK/vim.yaml" --is-default vim1
expect "vim1"
[ "$(field_of is_default)" = "True" ] || fail "vim register --is-default: is_default is '$(field_of is_default)'"
[ "$(field_of status)" = "REACHABLE" ] || [ "$(field_of status)" = "PENDING" ] || fail "vim register: status is '$(field_of status)'"
expect '***'   # the password is never shown
VIM_ID="$(field_of id)"

run vim list
expect "$VIM_ID"
expect "vim1"

run vim show vim1
[ "$(field_of name)" = "vim1" ] || fail "vim show: name is '$(field_of name)'"
[ "$(field_of id)" = "$VIM_ID" ] || fail "vim show: id is '$(field_of id)'"
expect "auth_cred"

run vim set --description x vim1
[ "$(field_of description)" = "x" ] || fail "vim set: description is '$(field_of description)'"

run vim show "$VIM_ID"
[ "$(field_of description)" = "x" ] || fail "vim show after set: description is '$(field_of description)'"

# --- VNFD --------------------------------------------------------------------------------------------
run vnf descriptor create --vnfd-file "$WORK/tosca-vnfd-hello-world.yaml" vnfd1
[ "$(field_of name)" = "vnfd1" ] || fail "vnfd create: name is '$(field_of name)'"
VNFD_ID="$(field_of id)"

run vnf descriptor list
expect "$VNFD_ID"
expect "vnfd1"

run vnf descriptor show vnfd1
[ "$(field_of id)" = "$VNFD_ID" ] || fail "vnfd show: id is '$(field_of id)'"
expect "tosca_definitions_version"

run vnf descriptor template show vnfd1
expect '"tosca_definitions_version": "tosca_simple_profile_for_nfv_1_0_0"'
expect '"VDU1"'
expect '"network_name": "net_mgmt"'


# --- VNF ---------------------------------------------------------------------------------------------
run vnf create --vnfd-name vnfd1 vnf1
[ "$(field_of name)" = "vnf1" ] || fail "vnf create: name is '$(field_of name)'"
[ "$(field_of vnfd_id)" = "$VNFD_ID" ] || fail "vnf create: vnfd_id is '$(field_of vnfd_id)'"
[ "$(field_of vim_id)" = "$VIM_ID" ] || fail "vnf create without --vim-name must use the default VIM vim1: vim_id is '$(field_of vim_id)'"
VNF1_ID="$(field_of id)"

run vnf list
expect "$VNF1_ID"

wait_status vnf1 ACTIVE
run vnf show vnf1
[ "$(field_of status)" = "ACTIVE" ] || fail "vnf show: status is '$(field_of status)'"
[ -n "$(field_of mgmt_ip_address)" ] || fail "vnf show: no mgmt_ip_address for an ACTIVE VNF"

run vnf resource list vnf1
expect "VDU1"
expect "OS::Nova::Server"

# --- scaling (a VNFD with a scaling policy) --------------------------------------------------------------
run vnf descriptor create --vnfd-file "$WORK/tosca-vnfd-scale.yaml" vnfd2
run vnf create --vnfd-name vnfd2 vnf2
VNF2_ID="$(field_of id)"
wait_status vnf2 ACTIVE

run vnf list --vnfd-name vnfd1
expect "$VNF1_ID"
expect_not "$VNF2_ID"
run vnf list --vim-name vim1
expect "$VNF1_ID"
expect "$VNF2_ID"

run vnf scale --scaling-policy-name SP1 --scaling-type out vnf2
wait_status vnf2 ACTIVE
run nfv event list --resource-id "$VNF2_ID" --event-type SCALE
expect "$VNF2_ID"
expect "PENDING_SCALE_OUT"
expect_not "$VNF1_ID"

# --- clean up, in dependency order -------------------------------------------------------------------
run vnf delete vnf1
run vnf delete vnf2
wait_gone vnf1 vnf2

run vnf descriptor delete vnfd1
run vnf descriptor delete vnfd2
run vnf descriptor list
expect_not "$VNFD_ID"

run vim delete vim1
run vim list
expect_not "$VIM_ID"

if [ -n "$PREVIOUS_DEFAULT" ]; then
  run vim set --is-default True "$PREVIOUS_DEFAULT"
fi

echo
echo "OK: $STEPS openstack commands, no failure, no 5xx"
