#!/usr/bin/env bash
# The README's first command. Until the demo portal lands (apps/demo), it sets up, builds every
# package and prints where everything is; the demo issue turns this into "start the portal".
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_SETUP=1 source scripts/setup.sh

pnpm exec turbo run build
echo
echo "All Together SDK — built."
for pkg in packages/*/; do
  name=$(node -p "require('./${pkg}package.json').name")
  files=$(find "${pkg}dist" -name '*.js' 2>/dev/null | wc -l | tr -d ' ')
  printf '  %-32s %s (%s modules in %sdist/)\n' "$name" "${pkg}README.md" "$files" "$pkg"
done
[ -f packages/model/dist/schema/questionnaire-definition.json ] &&
  echo "  JSON Schemas for definition authors: packages/model/dist/schema/"
[ -f packages/components/custom-elements.json ] &&
  echo "  Custom elements manifest:           packages/components/custom-elements.json"
echo
echo "The demo portal (apps/demo) and Storybook (apps/storybook) are not built yet: see their READMEs."
echo "Run every test with: bash scripts/test.sh"
