#!/usr/bin/env bash
# The README's test command: sets up what a fresh machine (Node 20 only) lacks, then runs every test
# (node-side tests of the pure packages and the root scripts, browser tests in Debian Chromium) and
# ends with one plain "N passed, N failed" line. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

rm -rf test-results packages/*/test-results apps/*/test-results tests/*/test-results
status=0
# --force: a cached "pass" replayed from .turbo would not re-run anything; every run tests for real.
pnpm exec turbo run test --concurrency=1 --force --continue || status=1
node scripts/node-test.mjs scripts || status=1
echo
echo "Test summary (every runner):"
node scripts/summarise-tests.mjs || status=1
exit $status
