#!/usr/bin/env bash
# The README's first command: sets up what a fresh machine lacks, builds every package and the demo
# portal, migrates its database (embedded PostgreSQL under apps/demo/.data, or DATABASE_URL), seeds
# a sample trust from the synthetic cohort, and serves the portal on localhost (PORT, default 3000),
# printing the address and the demo-only sample logins. Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_SETUP=1 source scripts/setup.sh

# Only what the portal serves: the demo and the packages it depends on (not Storybook, which the
# portal does not use; scripts/main.test.mjs checks this line).
pnpm exec turbo run build --filter=@all-together/demo... --output-logs=errors-only
echo
echo "All Together SDK — built."
for pkg in packages/*/; do
  name=$(node -p "require('./${pkg}package.json').name")
  printf '  %-32s %s\n' "$name" "${pkg}README.md"
done
echo "  The demo portal:                 apps/demo/README.md"
echo

cd apps/demo
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
# DEMO=1 seeds the sample trust with published demo passwords; the server refuses it off loopback (S12).
export DEMO="${DEMO:-1}"
exec node --import tsx server/main.ts
