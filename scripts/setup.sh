# Sourced by scripts/test.sh, scripts/main.sh and .ci/run: installs what a fresh machine lacks.
# Needs Node 20.19+ and npm; installs pnpm (pinned), Debian's Chromium for browser tests (as root,
# via apt-get) and the workspace's dependencies from the committed lockfile.
export CI=true
export TURBO_TELEMETRY_DISABLED=1 STORYBOOK_DISABLE_TELEMETRY=1 DO_NOT_TRACK=1
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

PNPM_VERSION=10.34.9
if [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  # --force: a corepack shim may already sit at /usr/bin/pnpm (toolchain.md §2).
  npm install -g "pnpm@$PNPM_VERSION" --force --silent || { echo "setup: could not install pnpm" >&2; exit 1; }
fi

if [ "${SKIP_BROWSER_SETUP:-0}" != 1 ] && [ ! -x "$CHROME_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's chromium for the browser tests"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || { echo "setup: could not install chromium with apt-get" >&2; exit 1; }
  else
    echo "setup: no Chromium at $CHROME_PATH. Install Debian's 'chromium' package (or set CHROME_PATH)." >&2
    exit 1
  fi
fi

echo "setup: installing workspace dependencies (frozen lockfile)"
pnpm install --frozen-lockfile --reporter=silent || { echo "setup: pnpm install failed" >&2; exit 1; }
