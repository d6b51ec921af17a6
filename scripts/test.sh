#!/usr/bin/env bash
# `npm test`: every test. Unit and integration (vitest), then the production build and the
# end-to-end journeys in Debian's Chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-chromium.sh
node --import tsx scripts/prepare-db.ts >/dev/null   # Prisma clients + the default database
# A throwaway PostgreSQL (Debian's package) for the PostgreSQL tests.
eval "$(bash scripts/start-postgres.sh | sed 's/^DATABASE_URL_PG=/export TRELLIS_TEST_PG_URL=/')"

echo "== typecheck"
npx tsc --noEmit

echo "== unit and integration tests (vitest)"
npx vitest run

echo "== production build"
npx next build

echo "== end-to-end tests (Playwright, Chromium)"
npx playwright test

echo "== python-tackerclient against Trellis (Debian's openstack client, production build + sandbox)"
TRELLIS_E2E=1 npx vitest run tests/tacker-cli
